package com.creditdesk.platform.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Letters on paper, the same on both sides: attached to the formal notice's e-mail and downloaded. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompanySettings.class)
public class LettersConfiguration {
    @Bean
    LetterPdf letterPdf(CompanySettings company) {
        return new LetterPdf(company);
    }
}
