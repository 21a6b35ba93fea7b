package org.ordo.notifications.internal;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class NotificationsConfiguration {

    @Bean
    MailCompany mailCompany(Environment environment) {
        return Binder.get(environment).bindOrCreate("ordo.company", MailCompany.class);
    }
}
