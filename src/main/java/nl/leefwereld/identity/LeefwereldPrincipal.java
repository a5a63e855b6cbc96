package nl.leefwereld.identity;

/** Implemented by every principal Leefwereld puts in the security context, local or OIDC. */
public interface LeefwereldPrincipal {

    CurrentUser currentUser();
}
