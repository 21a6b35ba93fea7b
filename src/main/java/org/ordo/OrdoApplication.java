package org.ordo;

import org.ordo.platform.Backups;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ordo: sales order management, from order to cash. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrdoApplication {

    public static void main(String[] args) {
        if (Backups.isCommand(args)) {
            // an operator's command (docs/operations.md): runs against the database and exits, no server
            System.exit(Backups.run(args));
        }
        SpringApplication.run(OrdoApplication.class, args);
    }
}
