package org.batchledger.hub.api.scalar;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.batchledger.schema.json.CanonicalJson;

/** {@code DateTime}: an {@link Instant} as ISO-8601 UTC text with milliseconds. */
final class DateTimeScalar {
    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant in UTC, ISO-8601, e.g. 2026-03-02T07:00:00.000Z")
            .coercing(new InstantCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return CanonicalJson.formatInstant(instant);
            }
            throw new CoercingSerializeException("not an Instant: " + value);
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            return parse(String.valueOf(input), CoercingParseValueException::new);
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                return parse(s.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be a string like 2026-03-02T07:00:00Z");
        }

        private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw error.apply("'" + text + "' is not an ISO-8601 UTC instant like 2026-03-02T07:00:00Z");
            }
        }
    }
}
