package org.jixing.shared.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Refuses an upload whose file name holds a control character (NUL included) or a path
 * separator, or is "." or "..", with 400 and the reason, before any handler sees it: the
 * name is kept, shown and put into download headers later, where such characters break
 * things or mislead.
 */
class UploadNames implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Under a wrapper (the security filters') when the multipart was resolved
        // earlier.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
                for (MultipartFile file : files) {
                    problem(file.getOriginalFilename()).ifPresent(rule -> {
                        throw new Refused(file.getOriginalFilename(), rule);
                    });
                }
            }
        }
        return true;
    }

    /** The message key of the rule the name breaks, or empty when it is acceptable. */
    static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("error.fileName.dots");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return Optional.of("error.fileName.control");
            }
            if (c == '/' || c == '\\') {
                return Optional.of("error.fileName.separator");
            }
        }
        return Optional.empty();
    }

    /** The name with every control character shown as U+FFFD, safe to echo. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return b.toString();
    }

    /** An upload refused for its file name: 400. */
    static class Refused extends RuntimeException {

        private final String name;

        private final String rule;

        Refused(String name, String rule) {
            super("file name refused: " + rule);
            this.name = name;
            this.rule = rule;
        }

        String printableName() {
            return printable(name);
        }

        String rule() {
            return rule;
        }

    }

}
