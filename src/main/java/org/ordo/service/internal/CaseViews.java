package org.ordo.service.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.platform.PageResult;
import org.ordo.service.ServiceDesk;
import org.springframework.stereotype.Component;

/** Cases as the API and the pages show them, with their customer's name. */
@Component
class CaseViews {

    private final Customers customers;

    CaseViews(Customers customers) {
        this.customers = customers;
    }

    /** {@code forCustomer}: without internal notes. */
    ServiceDesk.CaseView view(ServiceCase c, List<ServiceDesk.Message> messages, boolean forCustomer) {
        String customerName = customers.names(List.of(c.customerId)).get(c.customerId);
        return new ServiceDesk.CaseView(
                c.id,
                c.number,
                c.customerId,
                customerName,
                c.orderId,
                c.orderNumber,
                c.shipmentId,
                c.shipmentNumber,
                c.invoiceId,
                c.invoiceNumber,
                c.returnId,
                c.returnNumber,
                c.type,
                c.status,
                c.priority,
                c.subject,
                c.assignee,
                c.origin,
                c.createdBy,
                c.createdAt,
                c.firstResponseDue,
                c.firstRespondedAt,
                c.resolutionDue,
                c.resolvedAt,
                c.closedAt,
                c.reopenCount,
                c.dueAt(),
                c.status.allowedNext(),
                forCustomer
                        ? messages.stream()
                                .filter(m -> m.kind().seenByCustomer())
                                .toList()
                        : messages,
                c.version);
    }

    PageResult<ServiceDesk.Summary> summaries(PageResult<ServiceCase> page) {
        Set<UUID> ids = new HashSet<>();
        page.items().forEach(c -> ids.add(c.customerId));
        Map<UUID, String> names = customers.names(ids);
        List<ServiceDesk.Summary> items = page.items().stream()
                .map(c -> new ServiceDesk.Summary(
                        c.id,
                        c.number,
                        c.customerId,
                        names.get(c.customerId),
                        c.orderId,
                        c.orderNumber,
                        c.type,
                        c.status,
                        c.priority,
                        c.subject,
                        c.assignee,
                        c.createdAt,
                        c.dueAt(),
                        c.version))
                .toList();
        return new PageResult<>(items, page.page(), page.size(), page.totalItems());
    }
}
