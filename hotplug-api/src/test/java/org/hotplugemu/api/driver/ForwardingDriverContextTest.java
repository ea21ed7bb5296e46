package org.hotplugemu.api.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingDriverContextTest {
    /** Each call returns an object made for that call, so a forwarded result can be told from any other. */
    private static Object answer(Method method) {
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return "answer of " + method.getName();
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals("toString")) {
                return "answer of " + method.getName();
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void everyMethodOfTheContextIsForwardedWithItsResult() throws Exception {
        List<String> calls = new ArrayList<>();
        java.util.Map<String, Object> answers = new java.util.HashMap<>();
        DriverContext delegate = (DriverContext) Proxy.newProxyInstance(DriverContext.class.getClassLoader(),
                new Class<?>[] {DriverContext.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return answers.computeIfAbsent(method.getName(), name -> answer(method));
                });
        DriverContext forwarding = new ForwardingDriverContext(delegate) {
        };

        for (Method method : DriverContext.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            calls.clear();
            Object result = method.invoke(forwarding);
            assertThat(calls).as(method.getName()).containsExactly(method.getName());
            assertThat(result).as(method.getName()).isSameAs(answers.get(method.getName()));
        }
        assertThat(answers).containsKeys("hotplug", "scheduler", "log", "tracer", "files", "resources", "services",
                "architecture", "systemDevices");
    }

    @Test
    void aDefaultMethodOfTheContextIsForwardedNotInherited() throws Exception {
        for (Method method : DriverContext.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                assertThat(ForwardingDriverContext.class.getMethod(method.getName(), method.getParameterTypes())
                        .getDeclaringClass()).as(method.getName()).isEqualTo(ForwardingDriverContext.class);
            }
        }
    }

    @Test
    void aNullDelegateIsRefused() {
        assertThatThrownBy(() -> new ForwardingDriverContext(null) {
        }).isInstanceOf(NullPointerException.class).hasMessage("delegate is null");
    }
}
