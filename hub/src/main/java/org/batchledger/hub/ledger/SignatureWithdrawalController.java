package org.batchledger.hub.ledger;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.api.loader.RecordLookup;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.record.SignatureStates;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SignatureWithdrawal;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Withdrawing a signature, and what a signature shows of its withdrawal and of corrections to what it signed. */
@Controller
class SignatureWithdrawalController {
    private final SignatureWithdrawals withdrawals;
    private final SignatureStates states;

    SignatureWithdrawalController(SignatureWithdrawals withdrawals, SignatureStates states) {
        this.withdrawals = withdrawals;
        this.states = states;
    }

    @MutationMapping
    SignatureWithdrawal withdrawSignature(@Argument String signature, @Argument String reason,
                                          Authentication authentication, GraphQLContext context) {
        var receipt = withdrawals.withdraw(new WithdrawalRequest(GlobalIds.keyOf(signature, RecordType.SIGNATURE),
                reason, CurrentActor.of(authentication), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, receipt.bookmarks());
        return receipt.withdrawal();
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
