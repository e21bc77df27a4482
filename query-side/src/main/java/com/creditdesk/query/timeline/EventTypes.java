package com.creditdesk.query.timeline;

import org.axonframework.serialization.Revision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The event types a timeline entry can have: the simple names of the events of the shared API (the records with a
 * {@link Revision} nested in its {@code *Events} classes), found on the class path, so a new event is known
 * without being listed anywhere.
 */
public final class EventTypes {
    private static final String EVENT_HOLDERS = "classpath*:com/creditdesk/api/**/*Events.class";
    private static volatile SortedSet<String> known;

    private EventTypes() {
    }

    /** The known types, sorted. */
    public static SortedSet<String> known() {
        SortedSet<String> types = known;
        if (types == null) {
            types = Collections.unmodifiableSortedSet(scan());
            known = types;
        }
        return types;
    }

    private static SortedSet<String> scan() {
        ClassLoader loader = EventTypes.class.getClassLoader();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        SortedSet<String> types = new TreeSet<>();
        try {
            for (Resource resource : resolver.getResources(EVENT_HOLDERS)) {
                String holder = readers.getMetadataReader(resource).getClassMetadata().getClassName();
                Arrays.stream(ClassUtils.forName(holder, loader).getDeclaredClasses())
                        .filter(type -> type.isRecord() && type.isAnnotationPresent(Revision.class)) // not their parts
                        .forEach(type -> types.add(type.getSimpleName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot read the shared API's event classes", e);
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("no event classes found at " + EVENT_HOLDERS);
        }
        return types;
    }
}
