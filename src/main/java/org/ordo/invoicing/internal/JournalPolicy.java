package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.invoicing.AccountingJournal;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The booking rules of the journal (docs/domain.md, "Accounting journal"): which accounts each document debits and credits.
 * Amounts are signed, debit positive; a credit note's negative amounts turn its invoice's booking round by themselves, and a
 * void books the reverse of what it voids. Every entry balances to the cent, or this refuses to write it.
 */
@Component
class JournalPolicy {

    /** One side of an entry: debit when positive, credit when negative. */
    record Posting(String account, BigDecimal amount) {}

    private final AccountingProperties.Accounts accounts;

    JournalPolicy(AccountingProperties properties) {
        this.accounts = properties.accounts();
    }

    /**
     * An invoice (or credit note): receivables debit its total; revenue credit its nets per tax category, shipping revenue
     * the shipping charge, tax payable the tax per rate (the shipping charge's with its goods'); discounts debit a discount.
     */
    List<Posting> document(Invoice document) {
        List<Posting> postings = new ArrayList<>();
        postings.add(
                new Posting(accounts.receivables(), document.totals().total().amount()));
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        Map<BigDecimal, BigDecimal> tax = new LinkedHashMap<>();
        for (InvoiceLine line : document.lines()) {
            revenue.merge(line.taxCategory(), line.lineNet().amount(), BigDecimal::add);
            tax.merge(line.taxRate().stripTrailingZeros(), line.tax().amount(), BigDecimal::add);
        }
        BigDecimal shippingTax = document.totals().tax().amount().subtract(sum(tax.values()));
        List<ShippingShare> shares = document.shippingShares();
        if (shippingTax.compareTo(sum(shares.stream().map(s -> s.tax().amount()).toList())) == 0) {
            shares.forEach(s ->
                    tax.merge(s.treatment().rate().stripTrailingZeros(), s.tax().amount(), BigDecimal::add));
        } else {
            // issued before the shipping charge was taxed by its goods' rates: its tax as it stands on the document
            postings.add(new Posting(accounts.taxPayable(), shippingTax.negate()));
        }
        revenue.forEach((category, net) -> postings.add(new Posting(accounts.revenueFor(category), net.negate())));
        postings.add(
                new Posting(accounts.discounts(), document.totals().discount().amount()));
        postings.add(new Posting(
                accounts.shippingRevenue(),
                document.totals().shipping().amount().negate()));
        tax.forEach((rate, amount) -> postings.add(new Posting(accounts.taxPayableFor(rate), amount.negate())));
        return postings;
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Money received: cash or bank debit; receivables credit what it paid at once, customer prepayments the rest. */
    List<Posting> payment(PaymentMethod method, BigDecimal amount, BigDecimal allocatedOnReceipt) {
        return List.of(
                new Posting(moneyAccount(method), amount),
                new Posting(accounts.receivables(), allocatedOnReceipt.negate()),
                new Posting(accounts.customerPrepayments(), allocatedOnReceipt.subtract(amount)));
    }

    /** Money on account applied to an invoice later (negative: given back to the account). */
    List<Posting> allocation(BigDecimal amount) {
        return List.of(
                new Posting(accounts.customerPrepayments(), amount),
                new Posting(accounts.receivables(), amount.negate()));
    }

    /** Money on account paid back to the customer, the way it came in. */
    List<Posting> refund(PaymentMethod method, BigDecimal amount) {
        return List.of(
                new Posting(accounts.customerPrepayments(), amount),
                new Posting(moneyAccount(method), amount.negate()));
    }

    static List<Posting> reversed(List<Posting> postings) {
        return postings.stream()
                .map(p -> new Posting(p.account(), p.amount().negate()))
                .toList();
    }

    private String moneyAccount(PaymentMethod method) {
        return method == PaymentMethod.CASH ? accounts.cash() : accounts.bank();
    }

    /** The lines of an entry, zero postings left out; an entry that does not balance is a bug, never exported. */
    static List<AccountingJournal.Line> lines(List<Posting> postings, String currencyCode, String what) {
        BigDecimal balance = sum(postings.stream().map(Posting::amount).toList());
        if (balance.signum() != 0) {
            throw new IllegalStateException(what + " does not balance: " + balance + " " + currencyCode);
        }
        Currency currency = Money.currency(currencyCode);
        String zero = Money.plain(BigDecimal.ZERO, currency);
        return postings.stream()
                .filter(p -> p.amount().signum() != 0)
                .map(p -> p.amount().signum() > 0
                        ? new AccountingJournal.Line(p.account(), Money.plain(p.amount(), currency), zero, currencyCode)
                        : new AccountingJournal.Line(
                                p.account(), zero, Money.plain(p.amount().negate(), currency), currencyCode))
                .toList();
    }
}
