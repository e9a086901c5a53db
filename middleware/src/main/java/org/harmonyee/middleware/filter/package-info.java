/**
 * {@code path_filter}: an allow-list of path patterns in matchit syntax (literal segments,
 * {@code {name}} for one segment, {@code {*rest}} for the remainder), matched against the path
 * below the endpoint's prefix with trailing slashes normalized. A path outside every rule is a
 * 404; the backend is not called. Request side only.
 */
package org.harmonyee.middleware.filter;
