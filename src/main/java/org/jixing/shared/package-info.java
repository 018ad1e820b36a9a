/**
 * Small kernel used everywhere: money, region codes, the data-scope mechanism, and the
 * web frame (layout, locale, error rendering). Holds no business state of its own.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.jixing.shared;

import org.springframework.modulith.ApplicationModule;
