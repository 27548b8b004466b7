package org.batchledger.schema.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Random records of every type, built through their canonical constructors from their component types, so a new
 * record type or field is covered without touching this class. Values lean on the edges of the canonical form:
 * escapes, non-BMP characters, nulls, empty lists, doubles in E notation, longs beyond 2^53.
 */
public final class RandomRecords {
    private static final String ALPHABET = "aZ09 -_:/.\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f"
            + "\u00e9\u00df\u20ac\u2028\u2029\ufeff\uffff\u4e2d";
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.5, 500.0, 0.1, 1.0 / 3, 1e7, 1.2345678E7, 12345678.5,
            1.5e7, 9.007199254740993E15, 1e16, 1.2345678901234567E16, 1e21, 1e20, 1e-3, 1e-7, 5e-324, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_NORMAL, 123456789.1, 99.95};
    private static final long[] LONGS = {0, 1, -1, 2048, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE,
            Long.MIN_VALUE + 1, 9_007_199_254_740_993L, 1_000_000_000_000_000_000L};

    private final Random random;

    public RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    public LedgerRecord next() {
        RecordType[] types = RecordType.values();
        return (LedgerRecord) of(types[random.nextInt(types.length)].javaType());
    }

    private Object of(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(RecordComponent c) {
        Class<?> t = c.getType();
        boolean required = t.isPrimitive() || t == List.class || c.getName().equals("key") || t == Provenance.class
                || c.getDeclaringRecord() == Provenance.class && !c.getName().equals("locator");
        if (!required && random.nextInt(6) == 0) {
            return null;
        }
        if (t == String.class) {
            return text(c.getName().equals("key") ? 1 : 0);
        } else if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (t == Instant.class) {
            return Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L))
                    .plusNanos(random.nextInt(1_000_000));
        } else if (t == RecordRef.class) {
            return ref();
        } else if (t == double.class || t == Double.class) {
            return random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 25));
        } else if (t == long.class || t == Long.class) {
            return random.nextBoolean() ? LONGS[random.nextInt(LONGS.length)] : random.nextLong() >> random.nextInt(64);
        } else if (t == List.class && ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0] == RecordRef.class) {
            List<RecordRef> refs = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                refs.add(ref());
            }
            return refs;
        } else if (t == List.class && ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0] == String.class) {
            List<String> texts = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                texts.add(text(0));
            }
            return texts;
        } else if (t == Provenance.class) {
            return of(Provenance.class);
        }
        throw new IllegalStateException("no random value for " + c);
    }

    private RecordRef ref() {
        RecordType[] types = RecordType.values();
        return new RecordRef(types[random.nextInt(types.length)], text(1));
    }

    private String text(int minLength) {
        StringBuilder s = new StringBuilder();
        int n = minLength + random.nextInt(14);
        while (s.length() < n) {
            int pick = random.nextInt(ALPHABET.length() + 3);
            if (pick < ALPHABET.length()) {
                s.append(ALPHABET.charAt(pick));
            } else if (pick == ALPHABET.length()) {
                s.appendCodePoint(0x1F600); // a surrogate pair
            } else if (pick == ALPHABET.length() + 1) {
                s.append((char) random.nextInt(0xE000, 0x10000)); // above the surrogates (lone ones are refused)
            } else {
                s.append((char) random.nextInt(0x20, 0xD800));
            }
        }
        return s.toString().isBlank() && minLength > 0 ? "k" + s : s.toString();
    }
}
