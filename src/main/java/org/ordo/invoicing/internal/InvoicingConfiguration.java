package org.ordo.invoicing.internal;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class InvoicingConfiguration {

    /** Binds {@code ordo.company.*}; the record's defaults (a demo company) apply to whatever is not set. */
    @Bean
    CompanyProperties companyProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate("ordo.company", CompanyProperties.class);
    }

    @Bean
    InvoicingProperties invoicingProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate("ordo.invoicing", InvoicingProperties.class);
    }

    @Bean
    AccountingProperties accountingProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate("ordo.accounting", AccountingProperties.class);
    }
}
