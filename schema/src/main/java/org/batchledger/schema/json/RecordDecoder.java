package org.batchledger.schema.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.schema.record.RecordRef;

/**
 * Stored properties straight into a record's canonical constructor, the inverse of {@link RecordEncoder}'s property
 * map. A release evaluation rebuilds every record of a batch several times; going through JSON text and JSON-B cost
 * about 40 % of its time. The forms are the encoder's: text, enum names, fixed-width instants, {@code Label:key}
 * references, numbers, lists of text or references, nested records flattened. Anything else (a value not in its
 * stored form, a missing primitive, a constructor that refuses) answers {@code null}, and the caller takes the JSON-B
 * path, so every error still comes from the one binding.
 */
final class RecordDecoder {
    private enum Kind { TEXT, ENUM, INSTANT, REF, DOUBLE, LONG, TEXTS, REFS, NESTED }

    private record Part(String name, Kind kind, Class<?> type, Shape nested) {
    }

    private record Shape(MethodHandle constructor, Part[] parts, Set<String> names) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shape(type);
        }
    };

    private RecordDecoder() {
    }

    /** The record, or null where the direct path does not apply (see the class comment). */
    static <T> T decode(Map<String, Object> props, Class<T> type) {
        Shape shape = SHAPES.get(type);
        if (shape == null) {
            return null;
        }
        try {
            return type.cast(build(shape, props));
        } catch (Throwable e) { // NOPMD: any refusal is the JSON-B path's to report
            return null;
        }
    }

    /** The stored property names of a record type: its own fields, nested records' fields flattened. */
    static Set<String> names(Class<?> type) {
        Shape shape = SHAPES.get(type);
        return shape == null ? null : shape.names();
    }

    private static Object build(Shape shape, Map<String, Object> props) throws Throwable {
        Object[] args = new Object[shape.parts().length];
        for (int i = 0; i < args.length; i++) {
            Part p = shape.parts()[i];
            Object v = p.kind() == Kind.NESTED ? build(p.nested(), props) : props.get(p.name());
            if (v == null) {
                if (p.type().isPrimitive()) {
                    throw new IllegalArgumentException(p.name() + " is missing");
                }
                continue;
            }
            args[i] = switch (p.kind()) {
                case TEXT -> (String) v;
                case ENUM -> enumConstant(p.type(), (String) v);
                case INSTANT -> CanonicalJson.parseInstant((String) v);
                case REF -> RecordRef.parse((String) v);
                case DOUBLE -> ((Number) v).doubleValue();
                case LONG -> ((Number) v).longValue();
                case TEXTS -> texts((List<?>) v, false);
                case REFS -> texts((List<?>) v, true);
                case NESTED -> v;
            };
        }
        return shape.constructor().invokeExact(args);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static List<Object> texts(List<?> stored, boolean refs) {
        List<Object> values = new ArrayList<>(stored.size());
        for (Object s : stored) {
            values.add(s == null ? null : refs ? RecordRef.parse((String) s) : (String) s);
        }
        return values;
    }

    private static Shape shape(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Part[] parts = new Part[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Kind kind = kind(c);
            if (kind == null) {
                return null;
            }
            Shape nested = kind == Kind.NESTED ? SHAPES.get(c.getType()) : null;
            if (kind == Kind.NESTED && nested == null) {
                return null;
            }
            parts[i] = new Part(c.getName(), kind, c.getType(), nested);
            types[i] = c.getType();
            if (nested != null) {
                names.addAll(nested.names());
            } else {
                names.add(c.getName());
            }
        }
        try {
            MethodHandle constructor = MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Shape(constructor, parts, Set.copyOf(names));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static Kind kind(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return Kind.TEXT;
        } else if (t.isEnum()) {
            return Kind.ENUM;
        } else if (t == Instant.class) {
            return Kind.INSTANT;
        } else if (t == RecordRef.class) {
            return Kind.REF;
        } else if (t == double.class || t == Double.class) {
            return Kind.DOUBLE;
        } else if (t == long.class || t == Long.class) {
            return Kind.LONG;
        } else if (t == List.class && c.getGenericType() instanceof ParameterizedType p) {
            var element = p.getActualTypeArguments()[0];
            return element == RecordRef.class ? Kind.REFS : element == String.class ? Kind.TEXTS : null;
        } else if (t.isRecord()) {
            return Kind.NESTED;
        }
        return null;
    }
}
