package com.creditdesk.command.statement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatementFolderSettings.class)
class StatementFolderConfiguration {

    @Bean
    @ConditionalOnProperty("creditdesk.bank-statements.folder.path")
    StatementFolder statementFolder(StatementFolderSettings settings, BankStatementImport statements, JsonMapper json) {
        return new StatementFolder(settings, statements, json);
    }
}
