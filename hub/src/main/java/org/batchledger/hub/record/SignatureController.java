package org.batchledger.hub.record;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.lineage.record.SignatureStates;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SignatureWithdrawal;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** What a signature shows of its withdrawal and of corrections to what it signed. */
@Controller
class SignatureController {
    private final SignatureStates states;

    SignatureController(SignatureStates states) {
        this.states = states;
    }

    @BatchMapping(typeName = "Signature")
    Map<Signature, SignatureWithdrawal> withdrawal(List<Signature> signatures) {
        Map<String, SignatureStates.State> byKey = states.of(signatures);
        Map<Signature, SignatureWithdrawal> out = new HashMap<>();
        signatures.forEach(s -> out.put(s, byKey.get(s.key()).withdrawal()));
        return out;
    }

    @BatchMapping(typeName = "Signature")
    Map<Signature, Boolean> onSupersededVersion(List<Signature> signatures) {
        Map<String, SignatureStates.State> byKey = states.of(signatures);
        Map<Signature, Boolean> out = new HashMap<>();
        signatures.forEach(s -> out.put(s, byKey.get(s.key()).onSupersededVersion()));
        return out;
    }

    @SchemaMapping(typeName = "SignatureWithdrawal")
    CompletableFuture<Signature> signature(SignatureWithdrawal withdrawal, DataFetchingEnvironment env) {
        return RecordLookup.one(env, new RecordRef(RecordType.SIGNATURE, withdrawal.signatureKey()));
    }
}
