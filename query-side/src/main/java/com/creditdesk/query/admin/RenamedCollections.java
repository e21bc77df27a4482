package com.creditdesk.query.admin;

import com.mongodb.client.MongoDatabase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The same database, with every collection a projection asks for under another name: how a rebuild
 * writes fresh views beside the ones being served, using the projections' own code unchanged.
 */
final class RenamedCollections {
    private RenamedCollections() {
    }

    static MongoDatabase withSuffix(MongoDatabase database, String suffix) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, arguments) -> {
                    Object[] actual = arguments;
                    if (method.getName().equals("getCollection")) {
                        actual = arguments.clone();
                        actual[0] = arguments[0] + suffix;
                    }
                    try {
                        return method.invoke(database, actual);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
