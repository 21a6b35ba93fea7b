/**
 * The pages people work in: server-rendered with Thymeleaf, htmx for partial updates, Chart.js for charts, assets from
 * WebJars. Form login with CSRF and a lockout ({@link org.ordo.identity.Logins}), a session per signed-in user, English
 * and Simplified Chinese per user. Pages read and act only through the other modules' public APIs; a page or action a
 * role may not use is neither shown nor reachable ({@link org.ordo.web.internal.PageAccess}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "customers",
            "edi",
            "forecasting",
            "fulfillment",
            "identity",
            "imports",
            "intake",
            "integration",
            "inventory",
            "invoicing",
            "notifications",
            "orders",
            "platform",
            "pricing",
            "purchasing",
            "quotations",
            "reporting",
            "returns",
            "service",
            "shared",
            "suggestions"
        })
package org.ordo.web;
