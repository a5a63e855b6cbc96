package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The household page asks the access policy once per section; within one reading request a granted access is
 * remembered (issue 7: ~66 table reads per household page, a third of them the same access check). What must not
 * follow from that: another user getting in on the first one's grant, a refusal turning into a grant, a writing request
 * using a remembered grant, or a grant outliving its request.
 */
@IntegrationTest
class AccessWithinOneRequestTest {

    @Autowired
    AccessPolicy access;
    @Autowired
    DemoUsers demo;
    @Autowired
    TestHouseholds households;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static ServletRequestAttributes request(String method) {
        ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest(method, "/huishoudens/x"));
        RequestContextHolder.setRequestAttributes(attributes);
        return attributes;
    }

    private static int remembered(ServletRequestAttributes attributes) {
        Object memo = attributes.getAttribute("nl.leefwereld.privacy.internal.DefaultAccessPolicy.granted", RequestAttributes.SCOPE_REQUEST);
        return memo == null ? 0 : ((java.util.Map<?, ?>) memo).size();
    }

    @Test
    void aGrantIsRememberedForThatUserInThatReadingRequestOnly() {
        CurrentUser director = demo.current("regisseur");
        CurrentUser otherTeam = demo.current("regisseur.zuid");
        var household = households.register(director, "centrum").householdId();

        ServletRequestAttributes get = request("GET");
        assertThat(access.requireHouseholdAccess(director, household)).isNotBlank();
        assertThat(access.requireHouseholdAccess(director, household)).isNotBlank();
        assertThat(remembered(get)).isEqualTo(1);
        // another user in the same request is checked on their own, and refused; refusals are not remembered
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> access.requireHouseholdAccess(otherTeam, household)).isInstanceOf(NoAccessException.class);
        }
        assertThat(remembered(get)).isEqualTo(1);

        // a writing request never uses or fills the memo
        ServletRequestAttributes post = request("POST");
        assertThat(access.requireHouseholdAccess(director, household)).isNotBlank();
        assertThat(remembered(post)).isZero();
        assertThatThrownBy(() -> access.requireHouseholdAccess(otherTeam, household)).isInstanceOf(NoAccessException.class);

        // a new reading request starts empty; outside a request nothing is remembered at all
        ServletRequestAttributes next = request("GET");
        assertThat(remembered(next)).isZero();
        RequestContextHolder.resetRequestAttributes();
        assertThat(access.requireHouseholdAccess(director, household)).isNotBlank();
    }
}
