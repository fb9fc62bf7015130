package tyss.disclose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The interval a reader can pin each withheld figure to, given every relation they can see: for
 * each group of withheld figures linked by relations, a linear programme minimises and maximises
 * each one (counts are never negative), as an intruder with a spreadsheet and a solver would.
 */
final class Intervals {

    /** The least and greatest value the relations allow; {@code hi} is infinite when nothing bounds it. */
    record Bound(double lo, double hi) {
        /** How many whole values it leaves a reader to choose from, less one. */
        double width() {
            return Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6);
        }
    }

    /** A withheld figure a reader can narrow more than the protection allows, and how far. */
    record Finding(LinkedTables.Variable variable, Bound bound, List<String> relations) {
        String describe() {
            String range = bound.hi() == Double.POSITIVE_INFINITY
                    ? "at least " + fmt(bound.lo())
                    : bound.width() <= 0
                            ? "exactly " + fmt(Math.ceil(bound.lo() - 1e-6))
                            : "between " + fmt(bound.lo()) + " and " + fmt(bound.hi());
            return variable.row().key()
                    + (variable.kind() == LinkedTables.Kind.SHARE_COUNT ? " (the count behind the share)" : "")
                    + " can be worked out as " + range + " from: " + String.join("; ", relations);
        }
    }

    private Intervals() {}

    /**
     * The protection: a withheld count must leave a reader at least {@code threshold + 1} whole
     * values to choose from, and a count never published (the rest of the authority outside the
     * cohort) must not be narrowed to within 1 to {@code threshold}.
     */
    static List<Finding> unprotected(LinkedTables tables, int threshold) {
        List<Finding> findings = new ArrayList<>();
        for (List<String> component : components(tables)) {
            findings.addAll(unprotected(tables, component, threshold));
        }
        return findings;
    }

    /** The withheld figures of one group that a reader can narrow too far. */
    static List<Finding> unprotected(LinkedTables tables, List<String> component, int threshold) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Bound> bounds = solve(tables, component);
        for (String id : component) {
            Bound b = bounds.get(id);
            if (b == null) {
                continue;
            }
            LinkedTables.Variable v = tables.variables.get(id);
            boolean weak = v.kind() == LinkedTables.Kind.REST
                    ? b.lo() >= 1 - 1e-6 && b.hi() <= threshold + 1e-6
                    : b.width() < threshold;
            if (weak) {
                findings.add(new Finding(
                        v,
                        b,
                        tables.relations.stream()
                                .filter(r -> r.terms().containsKey(id))
                                .map(LinkedTables.Relation::what)
                                .distinct()
                                .toList()));
            }
        }
        return findings;
    }

    /** Withheld figures joined by a relation form one group; each group is solved on its own. */
    static List<List<String>> components(LinkedTables tables) {
        Map<String, String> parent = new HashMap<>();
        for (LinkedTables.Variable v : tables.variables.values()) {
            if (v.free()) {
                parent.put(v.id(), v.id());
            }
        }
        for (LinkedTables.Relation r : tables.relations) {
            String first = null;
            for (String id : r.terms().keySet()) {
                if (parent.containsKey(id)) {
                    if (first == null) {
                        first = id;
                    } else {
                        parent.put(root(parent, id), root(parent, first));
                    }
                }
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String id : parent.keySet().stream().sorted().toList()) {
            groups.computeIfAbsent(root(parent, id), k -> new ArrayList<>()).add(id);
        }
        return new ArrayList<>(groups.values());
    }

    private static String root(Map<String, String> parent, String id) {
        while (!parent.get(id).equals(id)) {
            parent.put(id, parent.get(parent.get(id)));
            id = parent.get(id);
        }
        return id;
    }

    /** Each variable's bound within its group; an empty map when the relations contradict one another (a reader learns nothing sure). */
    static Map<String, Bound> solve(LinkedTables tables, List<String> component) {
        Map<String, Integer> index = new HashMap<>();
        for (String id : component) {
            index.put(id, index.size());
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (LinkedTables.Relation r : tables.relations) {
            double[] a = new double[component.size()];
            double constant = 0;
            boolean touches = false;
            for (var t : r.terms().entrySet()) {
                Integer i = index.get(t.getKey());
                if (i != null) {
                    a[i] += t.getValue();
                    touches = true;
                } else {
                    LinkedTables.Variable v = tables.variables.get(t.getKey());
                    constant += t.getValue() * (v == null || v.known() == null ? 0 : v.known());
                }
            }
            if (!touches) {
                continue;
            }
            if (r.lo() == r.hi()) {
                constraints.add(new LinearConstraint(a, Relationship.EQ, r.lo() - constant));
            } else {
                if (r.lo() != Double.NEGATIVE_INFINITY) {
                    constraints.add(new LinearConstraint(a, Relationship.GEQ, r.lo() - constant));
                }
                if (r.hi() != Double.POSITIVE_INFINITY) {
                    constraints.add(new LinearConstraint(a, Relationship.LEQ, r.hi() - constant));
                }
            }
        }
        Map<String, Bound> bounds = new LinkedHashMap<>();
        if (constraints.isEmpty()) {
            component.forEach(id -> bounds.put(id, new Bound(0, Double.POSITIVE_INFINITY)));
            return bounds;
        }
        // counts are never negative: stated as constraints, since SimplexSolver 3.6.1 with its
        // NonNegativeConstraint(true) maximises x2 subject to x1 + x2 + x3 = 14 as 0 (its phase 1 leaves it at a
        // degenerate vertex)
        // and a withheld count is at least 1: a true zero is always shown (the count behind a share or the rest may be
        // 0)
        for (int i = 0; i < component.size(); i++) {
            double[] a = new double[component.size()];
            a[i] = 1;
            constraints.add(new LinearConstraint(
                    a,
                    Relationship.GEQ,
                    tables.variables.get(component.get(i)).kind() == LinkedTables.Kind.COUNT ? 1 : 0));
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        try {
            for (String id : component) {
                double[] objective = new double[component.size()];
                objective[index.get(id)] = 1;
                double lo = optimum(objective, set, GoalType.MINIMIZE);
                double hi = optimum(objective, set, GoalType.MAXIMIZE);
                bounds.put(id, new Bound(lo, hi));
            }
        } catch (NoFeasibleSolutionException e) {
            return Map.of();
        }
        return bounds;
    }

    private static double optimum(double[] objective, LinearConstraintSet constraints, GoalType goal) {
        try {
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(objective, 0),
                            constraints,
                            goal,
                            new NonNegativeConstraint(false))
                    .getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        }
    }

    private static String fmt(double d) {
        return Math.abs(d - Math.rint(d)) < 1e-6 ? String.valueOf((long) Math.rint(d)) : String.format("%.2f", d);
    }
}
