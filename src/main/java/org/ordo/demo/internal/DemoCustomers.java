package org.ordo.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ordo.customers.CustomerAdmin.NewCustomer;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** The demo's customers: businesses and consumers in Germany, Austria, France and the Netherlands, all trading in EUR. */
final class DemoCustomers {

    private DemoCustomers() {}

    /**
     * {@code business}: orders more lines and larger quantities. {@code login}: the customer's portal user name.
     * {@code weight}: relative share of the orders.
     */
    record DemoCustomer(NewCustomer customer, boolean business, String login, int weight) {}

    /** The demo's customer group of the large business buyers, for a price list of their own. */
    private static final String WHOLESALE = "Wholesale";

    private static final BigDecimal WHOLESALE_CREDIT = new BigDecimal("30000.00");

    static final List<DemoCustomer> CUSTOMERS = customers();

    // A data table, one row a line: kept as written (spotless:off) and longer than a method may be.
    // spotless:off
    // CHECKSTYLE:OFF: MethodLength
    private static List<DemoCustomer> customers() {
        List<DemoCustomer> c = new ArrayList<>();
        business(c, "Müller Bürotechnik GmbH", "einkauf@mueller-buerotechnik.example", "+49 30 5550 1100",
                new Address("Müller Bürotechnik GmbH", "Friedrichstraße 120", null, "Berlin", null, "10117", "DE"), "50000.00", 30, "BER",
                "mueller", 8);
        business(c, "Schneider Logistik AG", "orders@schneider-logistik.example", "+49 40 5550 2200",
                new Address("Schneider Logistik AG", "Wendenstraße 130", null, "Hamburg", null, "20537", "DE"), "80000.00", 45, "HAM",
                "schneider", 9);
        business(c, "Fischer & Söhne KG", "bestellung@fischer-soehne.example", "+49 89 5550 3300",
                new Address("Fischer & Söhne KG", "Landsberger Straße 302", null, "München", "Bayern", "80687", "DE"), "30000.00", 30, "MUC",
                "fischer", 6);
        business(c, "Weber Handwerk GmbH", "info@weber-handwerk.example", "+49 221 5550 4400",
                new Address("Weber Handwerk GmbH", "Venloer Straße 601", null, "Köln", null, "50827", "DE"), "800.00", 14, null,
                "weber", 5);
        business(c, "Becker Praxisbedarf", "praxis@becker-bedarf.example", "+49 69 5550 5500",
                new Address("Becker Praxisbedarf", "Hanauer Landstraße 291", null, "Frankfurt am Main", "Hessen", "60314", "DE"), "15000.00",
                30, null, "becker", 4);
        business(c, "Hoffmann Verlag GmbH", "einkauf@hoffmann-verlag.example", "+49 711 5550 6600",
                new Address("Hoffmann Verlag GmbH", "Königstraße 28", null, "Stuttgart", null, "70173", "DE"), "25000.00", 30, null,
                "hoffmann", 4);
        consumer(c, "Anna Schmidt", "anna.schmidt@mail.example", new Address("Anna Schmidt", "Karl-Liebknecht-Straße 45", null, "Leipzig",
                null, "04275", "DE"), "1500.00", null, "anna.schmidt", 2);
        consumer(c, "Jonas Wagner", "jonas.wagner@mail.example", new Address("Jonas Wagner", "Louisenstraße 18", null, "Dresden", null,
                "01099", "DE"), "150.00", null, "jonas.wagner", 2);
        consumer(c, "Max Keller", "max.keller@mail.example", new Address("Max Keller", "Fürther Straße 77", null, "Nürnberg", "Bayern",
                "90429", "DE"), "1000.00", "MUC", "max.keller", 1);
        business(c, "Gruber Handels GmbH", "office@gruber-handel.example", "+43 1 555 0700",
                new Address("Gruber Handels GmbH", "Mariahilfer Straße 88", null, "Wien", null, "1070", "AT"), "40000.00", 30, "MUC",
                "gruber", 6);
        business(c, "Huber Elektro OG", "einkauf@huber-elektro.example", "+43 316 555 0800",
                new Address("Huber Elektro OG", "Annenstraße 34", null, "Graz", "Steiermark", "8020", "AT"), "12000.00", 30, "MUC",
                "huber", 3);
        consumer(c, "Lena Bauer", "lena.bauer@mail.example", new Address("Lena Bauer", "Linzer Gasse 12", null, "Salzburg", null, "5020",
                "AT"), "1000.00", "MUC", "lena.bauer", 1);
        business(c, "Dubois Fournitures SARL", "achats@dubois-fournitures.example", "+33 3 88 55 09 00",
                new Address("Dubois Fournitures SARL", "12 Rue du Vieux-Marché-aux-Poissons", null, "Strasbourg", null, "67000", "FR"),
                "20000.00", 45, null, "dubois", 5);
        business(c, "Lefèvre Emballages SAS", "commandes@lefevre-emballages.example", "+33 4 72 55 10 00",
                new Address("Lefèvre Emballages SAS", "45 Avenue Jean Jaurès", null, "Lyon", null, "69007", "FR"), "35000.00", 60, null,
                "lefevre", 6);
        business(c, "Moreau Imprimerie", "contact@moreau-imprimerie.example", "+33 3 20 55 11 00",
                new Address("Moreau Imprimerie", "8 Rue Nationale", null, "Lille", null, "59000", "FR"), "400.00", 30, null, "moreau", 3);
        consumer(c, "Camille Martin", "camille.martin@mail.example", new Address("Camille Martin", "27 Rue de la Roquette", null, "Paris",
                null, "75011", "FR"), "1500.00", null, "camille.martin", 1);
        business(c, "Van Dijk Kantoorartikelen B.V.", "inkoop@vandijk-kantoor.example", "+31 20 555 1200",
                new Address("Van Dijk Kantoorartikelen B.V.", "Overtoom 301", null, "Amsterdam", null, "1054 HW", "NL"), "30000.00", 30,
                "HAM", "vandijk", 6);
        business(c, "De Vries Logistiek B.V.", "orders@devries-logistiek.example", "+31 10 555 1300",
                new Address("De Vries Logistiek B.V.", "Waalhaven Zuidzijde 21", null, "Rotterdam", null, "3089 JH", "NL"), "60000.00", 45,
                "HAM", "devries", 7);
        business(c, "Bakker Drukwerk", "info@bakker-drukwerk.example", "+31 30 555 1400",
                new Address("Bakker Drukwerk", "Oudegracht 150", null, "Utrecht", null, "3511 AZ", "NL"), "10000.00", 30, "HAM",
                "bakker", 3);
        consumer(c, "Sanne Jansen", "sanne.jansen@mail.example", new Address("Sanne Jansen", "Stratumseind 40", null, "Eindhoven", null,
                "5611 ET", "NL"), "200.00", "HAM", "sanne.jansen", 2);
        return List.copyOf(c);
    }
    // CHECKSTYLE:ON: MethodLength
    // spotless:on

    private static void business(
            List<DemoCustomer> customers,
            String name,
            String email,
            String phone,
            Address address,
            String creditLimit,
            int terms,
            String warehouse,
            String login,
            int weight) {
        customers.add(new DemoCustomer(
                new NewCustomer(
                        name,
                        email,
                        phone,
                        address,
                        null,
                        "EUR",
                        Money.of(creditLimit, "EUR"),
                        terms,
                        warehouse,
                        group(creditLimit)),
                true,
                login,
                weight));
    }

    /** Businesses with a large credit line buy as wholesalers, the others as trade customers. */
    private static String group(String creditLimit) {
        return new BigDecimal(creditLimit).compareTo(WHOLESALE_CREDIT) >= 0 ? WHOLESALE : "Trade";
    }

    private static void consumer(
            List<DemoCustomer> customers,
            String name,
            String email,
            Address address,
            String creditLimit,
            String warehouse,
            String login,
            int weight) {
        customers.add(new DemoCustomer(
                new NewCustomer(name, email, null, address, null, "EUR", Money.of(creditLimit, "EUR"), 14, warehouse),
                false,
                login,
                weight));
    }
}
