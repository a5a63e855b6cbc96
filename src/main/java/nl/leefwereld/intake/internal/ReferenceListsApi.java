package nl.leefwereld.intake.internal;

import java.util.Arrays;
import java.util.List;
import nl.leefwereld.identity.RouteRules;
import nl.leefwereld.intake.Channel;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The channels a notification can come in through, for {@code notification.channel}. */
@RestController("intakeReferenceListsApi")
class ReferenceListsApi {

    record ChannelJson(String code, String label) {
    }

    @GetMapping("/api/v1/reference/channels")
    List<ChannelJson> channels() {
        return Arrays.stream(Channel.values()).map(c -> new ChannelJson(c.name(), c.label())).toList();
    }

    /** Bean names carry the module: every module has a ReferenceListsApi. */
    @Component("intakeReferenceRouteRules")
    static class Rules implements RouteRules {
        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/reference/channels").hasAnyRole(CASEWORK);
        }
    }
}
