package org.ordo.service;

import java.util.UUID;

/**
 * Staff replied to the customer on a case: the notifications module e-mails the reply. Listeners must be idempotent
 * (the message id is unique): after a crash the event is delivered again.
 */
public record CaseReplied(
        UUID caseId,
        String caseNumber,
        UUID customerId,
        UUID messageId,
        String subject,
        String body,
        String orderNumber) {}
