package org.ordo.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter a GET operation of the API does not take (400, {@code unknown-parameter}, naming it), so a
 * misspelt or unsupported filter is noticed instead of silently answering everything. What an operation takes comes
 * from its handler method alone: its {@code @RequestParam}s and the components of a {@code @ModelAttribute} record.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterChecks implements WebMvcConfigurer, HandlerInterceptor {

    /** Parameters of a handler that takes a map of all of them: anything goes. */
    private static final Set<String> ANY = java.util.Collections.unmodifiableSet(new java.util.HashSet<>());

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> allowed = known.computeIfAbsent(method.getMethod(), m -> parameters(method));
        if (allowed == ANY) {
            return true;
        }
        List<FieldViolation> unknown = request.getParameterMap().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .map(name -> CommonRule.UNKNOWN_PARAMETER.at(
                        name, allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))))
                .toList();
        if (!unknown.isEmpty()) {
            throw OrdoException.invalid(unknown);
        }
        return true;
    }

    /** The query parameters a handler method takes; {@link #ANY} when it takes them all as a map. */
    static Set<String> parameters(HandlerMethod handler) {
        String[] names = NAMES.getParameterNames(handler.getMethod());
        Set<String> allowed = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            String name = names == null ? null : names[parameter.getParameterIndex()];
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) {
                    return ANY;
                }
                String declared = param.name().isEmpty() ? param.value() : param.name();
                allowed.add(declared.isEmpty() || ValueConstants.DEFAULT_NONE.equals(declared) ? name : declared);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || unannotatedModel(parameter)) {
                allowed.addAll(properties(type));
            } else if (parameter.getParameterAnnotations().length == 0
                    && BeanUtils.isSimpleProperty(type)
                    && name != null) {
                allowed.add(name);
            }
        }
        return Set.copyOf(allowed);
    }

    /** A parameter Spring binds from the query as a whole object, for want of any annotation. */
    private static boolean unannotatedModel(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.getParameterAnnotations().length == 0
                && !BeanUtils.isSimpleProperty(type)
                && !type.getName().startsWith("jakarta.")
                && !type.getName().startsWith("org.springframework.")
                && !Principal.class.isAssignableFrom(type)
                && type != Locale.class
                && type != Optional.class;
    }

    private static Set<String> properties(Class<?> type) {
        if (type.isRecord()) {
            return Set.copyOf(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList());
        }
        return Set.copyOf(Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(p -> p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .toList());
    }
}
