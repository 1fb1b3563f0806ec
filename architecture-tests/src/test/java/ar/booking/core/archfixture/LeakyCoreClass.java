package ar.booking.core.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;

/** A planted violation: a "core" class that depends on a library. Only used by the rule test. */
public class LeakyCoreClass {
  public String nameOf(JavaClass type) {
    return type.getName();
  }
}
