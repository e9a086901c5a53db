/**
 * The read-only management API ({@code [management]}): a pipeline of its own on its own network,
 * answering {@code GET {base_path}/info}, {@code /pipelines} and {@code /routes} as JSON. It runs
 * through the same executor as every other pipeline, with no middleware.
 */
package org.harmonyee.core.management;
