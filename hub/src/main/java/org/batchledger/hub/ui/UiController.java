package org.batchledger.hub.ui;

import java.util.List;
import org.batchledger.hub.HubProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The UI's routes are client-side: a reload or a shared link of {@code /ui/batch/…} must get the app, which then
 * shows the page. {@code /graphiql} is the app's GraphiQL (local assets, the user's token) instead of Spring's
 * CDN-loading page.
 */
@Controller
class UiController {
    private final UiConfig config;

    UiController(HubProperties props, @Value("${batchledger.ui.client-id:ui-client}") String clientId,
                 @Value("${batchledger.ui.key-namespaces:synthplant,site}") List<String> keyNamespaces) {
        this.config = new UiConfig(props.keycloak().issuer(), clientId, keyNamespaces);
    }

    @GetMapping({"/ui", "/ui/", "/ui/**", "/graphiql"})
    String app() {
        return "forward:/index.html";
    }

    /** Public: the realm's issuer and a public client id are no secrets, and the login needs them first. */
    @GetMapping(path = "/api/ui/config", produces = "application/json")
    @ResponseBody
    UiConfig config() {
        return config;
    }

    record UiConfig(String issuer, String clientId, List<String> keyNamespaces) {
    }
}
