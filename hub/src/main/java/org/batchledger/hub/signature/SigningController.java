package org.batchledger.hub.signature;

import graphql.GraphQLContext;
import java.util.Set;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.AuthenticationTime;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.signature.SignRequest;
import org.batchledger.lineage.signature.Signing;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code sign}: the signer, their roles and when they last authenticated come from the token, never the client. */
@Controller
class SigningController {
    private final Signing signing;
    private final Set<String> directGrantClients;

    SigningController(Signing signing, SignatureProperties props) {
        this.signing = signing;
        this.directGrantClients = Set.copyOf(props.directGrantClients());
    }

    @MutationMapping
    Signature sign(@Argument String record, @Argument SignatureMeaning meaning, @Argument String reason,
                   @Argument String contentHash, Authentication authentication, GraphQLContext context) {
        var signed = signing.sign(new SignRequest(GlobalIds.parse(record), meaning, reason, contentHash,
                CurrentActor.of(authentication), AuthenticationTime.of(authentication, directGrantClients),
                UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, signed.bookmarks());
        return signed.signature();
    }
}
