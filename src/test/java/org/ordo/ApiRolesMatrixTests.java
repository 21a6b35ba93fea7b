package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.identity.Role;
import org.ordo.testing.Api;
import org.ordo.testing.OwnDatabase;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every operation of the API against every role, compared with the matrix written down once in
 * {@code src/test/resources/api-roles.txt} (per operation the roles that get past authorization; the others are answered
 * 403). A new operation without a line there fails, so no endpoint ships without a decided rule. Each cell is a real call
 * with made-up ids and an empty body: authorization comes before the lookup and the validation, so nothing is changed.
 * A database of its own, since an allowed call may start a job (dunning, reminders) on whatever it finds.
 * {@code -Dordo.rbac.write=true} writes what the application does into the file, for review of a new operation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=100000"
        })
@ContextConfiguration(initializers = OwnDatabase.class)
@DirtiesContext
class ApiRolesMatrixTests {

    static final Path MATRIX = Path.of("src", "test", "resources", "api-roles.txt");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws IOException {
        Map<Role, Api> callers = callers();
        Map<String, Set<String>> actual = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String operation : operations(info)) {
                actual.put(operation, allowedRoles(operation, handler, callers));
            }
        });
        if (Boolean.getBoolean("ordo.rbac.write")) {
            Files.writeString(MATRIX, render(actual), StandardCharsets.UTF_8);
        }
        Map<String, Set<String>> expected = read();
        assertThat(actual.keySet())
                .as(
                        "operations of the API against %s (-Dordo.rbac.write=true writes what the API does, to review)",
                        MATRIX)
                .containsExactlyElementsOf(expected.keySet());
        List<String> wrong = new ArrayList<>();
        expected.forEach((operation, roles) -> {
            if (!roles.equals(actual.get(operation))) {
                wrong.add(operation + ": expected " + roles + " but " + actual.get(operation));
            }
        });
        assertThat(wrong).as("operations whose roles differ from %s", MATRIX).isEmpty();
    }

    /** The API's operations of a mapping, as "METHOD /path". */
    private static List<String> operations(RequestMappingInfo info) {
        List<String> operations = new ArrayList<>();
        for (String path : info.getPatternValues()) {
            if (path.startsWith("/api/")) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    operations.add(method + " " + path);
                }
            }
        }
        return operations;
    }

    /** The roles whose call of {@code operation} gets past authorization. */
    private Set<String> allowedRoles(String operation, HandlerMethod handler, Map<Role, Api> callers) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation
                        .substring(operation.indexOf(' ') + 1)
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
                + query(handler);
        Set<String> allowed = new TreeSet<>();
        callers.forEach((role, api) -> {
            int status = api.send(method, path, "GET".equals(method) || "DELETE".equals(method) ? null : "{}")
                    .status();
            assertThat(status).as("%s as %s", operation, role).isNotEqualTo(401).isLessThan(500);
            if (status != 403) {
                allowed.add(role.name());
            }
        });
        return allowed;
    }

    /** Values for the required query parameters, so that the call reaches authorization. */
    private static String query(HandlerMethod handler) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null && param.required() && param.defaultValue().startsWith("\n")) {
                String name = param.name().isEmpty() ? param.value() : param.name();
                query.add((name.isEmpty() ? parameter.getName() : name) + "=" + sample(parameter.getType()));
            }
        }
        return query.toString();
    }

    private static String sample(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == LocalDate.class) {
            return LocalDate.now().toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "1";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "x";
    }

    /** One caller per role, each a user with that role alone (a customer's user bound to a made-up customer). */
    private Map<Role, Api> callers() {
        Map<Role, Api> callers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = role == Role.CUSTOMER ? users.customer(null) : users.staff(role.name());
            callers.put(
                    role,
                    Api.at(port)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("If-Match", "\"0\"")
                            .basic(username, TestUsers.PASSWORD));
        }
        return callers;
    }

    private static Map<String, Set<String>> read() throws IOException {
        Map<String, Set<String>> matrix = new TreeMap<>();
        for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            Set<String> roles = new TreeSet<>();
            for (int i = 2; i < parts.length; i++) {
                if (!parts[i].equals("-")) {
                    roles.add(parts[i]);
                }
            }
            matrix.put(parts[0] + " " + parts[1], roles);
        }
        return matrix;
    }

    private static String render(Map<String, Set<String>> matrix) {
        StringBuilder text = new StringBuilder(
                "# Who may call what: per operation of the API the roles that get past authorization (- for none); every\n"
                        + "# other role is answered 403. ApiRolesMatrixTests checks it.\n");
        matrix.forEach((operation, roles) -> text.append(operation)
                .append(' ')
                .append(roles.isEmpty() ? "-" : String.join(" ", roles))
                .append('\n'));
        return text.toString();
    }
}
