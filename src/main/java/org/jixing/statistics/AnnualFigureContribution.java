package org.jixing.statistics;

/**
 * A module's part of the annual figures (年度数据): the figures of a year that the module
 * keeps, in the caller's scope, under a name of their own in the API's JSON and with a
 * template fragment of their own on the annual page. The statistics module builds its own
 * figures (providers, classes, trainings completed) and then asks every contribution in
 * turn, in the order of their Spring {@code @Order}, so it never calls the contributing
 * modules by name.
 *
 * <p>
 * Today subsidy contributes the money of the year's classes ({@code money}) and
 * certification the certificates issued by level ({@code certificatesByLevel}). To add a
 * module's figures (employment's placements, quality's inspections, talent's awards...):
 * <ol>
 * <li>implement this interface as a bean in the contributing module (it depends on
 * statistics, never the other way round: add {@code "statistics"} to its allowed
 * dependencies), returning a record or a list of records read in the caller's scope
 * ({@code ScopeSql.forCurrentUser});</li>
 * <li>write the template named by {@link #template()} with a fragment
 * {@code th:fragment="figures(figures, y)"} that shows them ({@code y} is the year as
 * text), with ids of the form {@code annual-<name>-...};</li>
 * <li>give it an {@code @Order} to place it among the others (subsidy 100, certification
 * 200).</li>
 * </ol>
 *
 * @param <T> the type of the figures
 */
public interface AnnualFigureContribution<T> {

    /** The name the figures go by in the API's JSON, e.g. {@code money}. */
    String name();

    /**
     * The template holding the page's fragment {@code figures(figures, y)}, e.g.
     * {@code subsidy/annual-money}.
     */
    String template();

    /** The figures of a year as far as the caller's scope shows them. */
    T of(int year);

}
