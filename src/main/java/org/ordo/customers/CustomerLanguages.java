package org.ordo.customers;

import java.util.List;

/** The languages a customer's letters and messages are written in; a new language is a new message bundle. */
public final class CustomerLanguages {

    public static final String DEFAULT = "en";
    public static final List<String> TAGS = List.of("en", "zh-CN");

    private CustomerLanguages() {}
}
