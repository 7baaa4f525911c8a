package io.duban.deploy.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * JSON request bodies are read strictly, so that what is recorded is what was sent, and nothing else:
 * <ul>
 *   <li>a key given twice is refused (Jackson keeps the last one silently; with records the second one even failed
 *       with a 500): {@code {"percent":-1,"percent":60}};</li>
 *   <li>anything after the JSON value is refused: {@code {"percent":60}}}</li>
 *   <li>no guessing between types: a quoted number, a number or boolean for text, a fraction for a whole number
 *       ({@code 100.0000000000000001} became 100), a number for an enum ({@code "role":1}) or for a date (an epoch
 *       day), Arabic-Indic digits in a string ({@code "٦٠"} became 60) are all refused;</li>
 *   <li>an enum name or a date with anything before or after it is refused (see {@link Unpadded}).</li>
 * </ul>
 * Only the HTTP message converters get this reader; the application's shared ObjectMapper (Axon's serializer, the
 * DingTalk client) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInputConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // replaced, not changed: the same converter instances may also serve REST clients, which stay lenient
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter jackson) {
                converters.set(i, new MappingJackson2HttpMessageConverter(strict(jackson.getObjectMapper())));
            }
        }
    }

    /** A copy of {@code shared} (same modules and output settings) that reads strictly. */
    public static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper strict = shared.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.setDefaultLeniency(false); // java.time: no epoch-day numbers for dates
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule unpadded = new SimpleModule("duban-unpadded-values");
        unpadded.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new Unpadded(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new Unpadded(deserializer) : deserializer;
            }
        });
        strict.registerModule(unpadded);
        return strict;
    }

    /**
     * Jackson trims an enum name or a date before it reads it, and its trim takes every character up to U+0020 —
     * NUL and other controls too: {@code "OFFICIAL\u0001"} became OFFICIAL and {@code "\u00002027-09-22"} a date.
     * A value with anything around it is refused instead.
     */
    static final class Unpadded extends DelegatingDeserializer {

        Unpadded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Unpadded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                    return context.handleWeirdStringValue(handledType(), text,
                            "leading or trailing whitespace or control characters");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
