package com.salescadence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Every /api endpoint (and every error handler answering one) takes and returns typed records, never a raw
 * {@link Map}: the OpenAPI document then shows their schemas (issue 14, item 4). A Map inside a record (e.g. counts
 * by status) is a typed field and allowed; a Map as the body, the answer or inside the answer's generic type is not.
 */
@AnalyzeClasses(packages = "com.salescadence", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiTypesTest {

    private static final DescribedPredicate<JavaMethod> ENDPOINTS_AND_ERROR_HANDLERS = DescribedPredicate.describe(
            "endpoints and error handlers of the REST controllers and their advice", method ->
                    (method.getOwner().isMetaAnnotatedWith(RestController.class)
                            && (method.isMetaAnnotatedWith(RequestMapping.class) || method.isAnnotatedWith(ExceptionHandler.class)))
                            || (method.getOwner().isMetaAnnotatedWith(ControllerAdvice.class) && method.isAnnotatedWith(ExceptionHandler.class)));

    @ArchTest
    static final ArchRule api_takes_and_returns_no_raw_map = methods().that(ENDPOINTS_AND_ERROR_HANDLERS)
            .should(new ArchCondition<JavaMethod>("take and return no raw Map") {
                @Override
                public void check(JavaMethod javaMethod, ConditionEvents events) {
                    Method method = javaMethod.reflect();
                    if (mentionsMap(method.getGenericReturnType())) {
                        events.add(SimpleConditionEvent.violated(javaMethod, javaMethod.getFullName() + " returns "
                                + method.getGenericReturnType().getTypeName()));
                    }
                    for (Type parameter : method.getGenericParameterTypes()) {
                        if (mentionsMap(parameter)) {
                            events.add(SimpleConditionEvent.violated(javaMethod, javaMethod.getFullName() + " takes "
                                    + parameter.getTypeName()));
                        }
                    }
                }
            });

    static boolean mentionsMap(Type type) {
        if (type instanceof Class<?> raw) {
            return Map.class.isAssignableFrom(raw);
        }
        if (type instanceof ParameterizedType parameterized) {
            if (mentionsMap(parameterized.getRawType())) {
                return true;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (mentionsMap(argument)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                if (mentionsMap(bound)) {
                    return true;
                }
            }
        }
        return false;
    }
}
