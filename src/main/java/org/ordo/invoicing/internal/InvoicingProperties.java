package org.ordo.invoicing.internal;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invoicing rules that differ between companies ({@code ordo.invoicing.*}).
 *
 * @param exemptionReason the VAT exemption reason printed for tax-exempt customers (EN 16931 category E)
 * @param dunning         when payment reminders go out
 */
record InvoicingProperties(
        @DefaultValue("Exempt from VAT") String exemptionReason,
        @DefaultValue DunningService dunning) {

    /**
     * @param cron          when the daily dunning run starts (Spring cron, UTC); read by the scheduler from
     *                      {@code ordo.invoicing.dunning.cron}
     * @param reminderDays  days past the due date at which reminder levels 1, 2, 3 are due: one to three strictly increasing
     *                      positive numbers
     */
    record DunningService(
            @DefaultValue("0 30 2 * * *") String cron,
            @DefaultValue({"7", "21", "35"}) List<Integer> reminderDays) {

        DunningService {
            if (reminderDays.isEmpty() || reminderDays.size() > 3) {
                throw new IllegalArgumentException("ordo.invoicing.dunning.reminder-days needs one to three levels");
            }
            for (int i = 0; i < reminderDays.size(); i++) {
                if (reminderDays.get(i) < 1 || (i > 0 && reminderDays.get(i) <= reminderDays.get(i - 1))) {
                    throw new IllegalArgumentException(
                            "ordo.invoicing.dunning.reminder-days must be positive and strictly increasing");
                }
            }
            reminderDays = List.copyOf(reminderDays);
        }

        /** The highest reminder level due this many days past the due date; 0 for none. */
        int levelAt(long daysPastDue) {
            int level = 0;
            for (int i = 0; i < reminderDays.size(); i++) {
                if (daysPastDue >= reminderDays.get(i)) {
                    level = i + 1;
                }
            }
            return level;
        }
    }
}
