package org.batchledger.hub.signature;

import graphql.GraphQLContext;
import java.util.UUID;
import org.batchledger.hub.api.BookmarkExtensions;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.security.CurrentActor;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.SignatureWithdrawal;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Withdrawing a signature: a new ledgered record, never an edit of the signature (21 CFR 11.70). */
@Controller
class SignatureWithdrawalController {
    private final SignatureWithdrawals withdrawals;

    SignatureWithdrawalController(SignatureWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @MutationMapping
    SignatureWithdrawal withdrawSignature(@Argument String signature, @Argument String reason,
                                          Authentication authentication, GraphQLContext context) {
        var receipt = withdrawals.withdraw(new WithdrawalRequest(GlobalIds.keyOf(signature, RecordType.SIGNATURE),
                reason, CurrentActor.of(authentication), UUID.randomUUID().toString()));
        BookmarkExtensions.remember(context, receipt.bookmarks());
        return receipt.withdrawal();
    }
}
