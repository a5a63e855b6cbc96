package nl.leefwereld.identity.internal;

import java.util.EnumSet;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new production installation: set LEEFWERELD_BOOTSTRAP_MUNICIPALITY_CODE, _NAME,
 * _ADMIN_USERNAME and _ADMIN_PASSWORD once. Creates the municipality and the account if the username is unknown;
 * does nothing afterwards, so the variables can be removed after the first start.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.bootstrap.admin-username")
@EnableConfigurationProperties(BootstrapAdministrator.Settings.class)
class BootstrapAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    @ConfigurationProperties("leefwereld.bootstrap")
    record Settings(String municipalityCode, String municipalityName, String adminUsername, String adminPassword) {
    }

    private final Administration admin;
    private final Settings settings;

    BootstrapAdministrator(Administration admin, Settings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Before the web server opens, so the account exists when the login page first answers. */
    @Override
    public void afterSingletonsInstantiated() {
        if (admin.userExists(settings.adminUsername())) {
            return;
        }
        if (settings.municipalityCode() == null || !settings.municipalityCode().matches("\\d{4}")) {
            throw new IllegalStateException("leefwereld.bootstrap.municipality-code must be the 4-digit CBS code");
        }
        admin.ensureMunicipality(settings.municipalityCode(),
                settings.municipalityName() == null ? "Gemeente " + settings.municipalityCode() : settings.municipalityName());
        admin.createUser(settings.municipalityCode(), new Administration.NewUser(settings.adminUsername(), "Functioneel beheerder", null,
                null, EnumSet.of(Role.ADMINISTRATOR), settings.adminPassword(), null), null, "bootstrap");
        log.info("Bootstrap administrator account created for municipality {}", settings.municipalityCode());
    }
}
