package org.harmonyee.core.config;

/**
 * {@code [services.NAME]} or {@code [middleware_types.NAME]}: declares a type; an empty module
 * selects the built-in implementation.
 */
public record TypeDeclaration(String name, String module, Source source) {
}
