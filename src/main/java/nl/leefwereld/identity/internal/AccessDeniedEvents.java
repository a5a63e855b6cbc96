package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import nl.leefwereld.identity.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Role-level refusals (a signed-in user asks for a route their role does not allow) are security events. The
 * security filter chains publish an {@link AuthorizationDeniedEvent} for every denied request once an
 * {@link AuthorizationEventPublisher} bean exists; this turns the ones of signed-in users into
 * {@link SecurityEvent.Type#ACCESS_DENIED} (anonymous requests are sent to the login and are not refusals).
 * Household-level refusals are audited where the access decision throws.
 */
@Configuration(proxyBeanMethods = false)
class AccessDeniedEvents {

    private final ApplicationEventPublisher events;

    AccessDeniedEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> denied) {
        Authentication authentication = denied.getAuthentication().get();
        if (authentication == null || !(authentication.getPrincipal() instanceof LeefwereldPrincipal principal)) {
            return;
        }
        CurrentUser user = principal.currentUser();
        String source = denied.getObject() instanceof HttpServletRequest request ? request.getRemoteAddr() : null;
        events.publishEvent(new SecurityEvent(user.municipalityCode(), user.id(), user.username(), SecurityEvent.Type.ACCESS_DENIED,
                source, "rol geeft geen toegang"));
    }
}
