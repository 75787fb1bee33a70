"""medspaCy's ConText with its pairwise loops cut to the modifiers and targets whose scopes can meet."""

from __future__ import annotations

import hashlib
import inspect
from importlib.metadata import version

from medspacy.common.medspacy_matcher import MedspacyMatcher
from medspacy.context import ConText
from medspacy.context.context_graph import ConTextGraph
from medspacy.context.context_modifier import ConTextModifier
from spacy.tokens import Doc

from abstractor.core.errors import InternalError

# Where ConText (medspaCy 1.3.1) keeps its matcher: a private attribute, as no public hook exists.
_MATCHER = "_ConText__matcher"
# The medspaCy 1.3.1 code whose results LinearConText reproduces (sha256 of the source, first 16 digits).
# LinearConText.__call__ repeats ConText.__call__; the graph's two loops assume how modifiers set and limit
# their scopes and when one modifies a target. A different source means a medspaCy upgrade to re-check.
_STOCK_SOURCES = {
    (ConText, "__call__"): "37a03a8d2e20c452",
    (ConTextGraph, "update_scopes"): "f12cb3a9611a2033",
    (ConTextGraph, "apply_modifiers"): "8cbfb41d8f5c585b",
    (ConTextModifier, "limit_scope"): "b4b95aacb901a167",
    (ConTextModifier, "_ConTextModifier__set_scope"): "c1cc3df928922ce0",
    (ConTextModifier, "modifies"): "4350b79043b26e9a",
}


class LinearContextGraph(ConTextGraph):
    """ConTextGraph whose two pairwise loops visit only the pairs that can interact, in the stock order.

    Stock ConText compares every modifier with every other modifier (`update_scopes`) and every target with
    every modifier (`apply_modifiers`): quadratic in the length of a note. A modifier's scope starts inside
    its sentence (or within its rule's max_scope) and only ever shrinks, to offsets between its own span and
    its first scope: every scope it will have lies in the hull of its span and its first scope. Two modifiers
    whose hulls do not meet can never pass `limit_scope`'s overlap test, and a target that does not meet a
    modifier's scope can never pass `modifies`' scope test; those calls return False without side effects.
    So skipping them, and keeping the order of the others, gives the stock graph exactly.
    """

    def update_scopes(self) -> None:
        """Let each modifier limit the scope of each other one whose scope it can meet, in the stock order."""
        mods = self.modifiers
        hulls = [(min(m._start, m._scope_start, m._scope_end), max(m._end, m._scope_start, m._scope_end)) for m in mods]
        for i, later in enumerate(_meeting(hulls)):
            for j in later:
                mods[i].limit_scope(mods[j])
                mods[j].limit_scope(mods[i])

    def apply_modifiers(self) -> None:
        """Link each target to the modifiers whose scope holds it, then keep each modifier's nearest targets."""
        if self.prune_on_modifier_overlap:  # not used here (ConText's prune_on_target_overlap): the stock loop
            super().apply_modifiers()
            return
        targets = list(self.targets)
        # A modifier can only modify a target that meets its (non-empty) scope.
        spans = [(t.start, t.end) for t in targets]
        for m in self.modifiers:
            start, end = m.scope_span
            spans.append((start, end) if start < end else (1, 0))  # (1, 0) meets nothing
        for i, later in enumerate(_meeting(spans)[: len(targets)]):
            for j in later:
                if j >= len(targets):
                    modifier = self.modifiers[j - len(targets)]
                    if modifier.modifies(targets[i]):
                        modifier.modify(targets[i])
        edges = []
        for modifier in self.modifiers:
            modifier.reduce_targets()
            for target in modifier._targets:
                edges.append((target, modifier))
        self.edges = edges


def _meeting(intervals: list[tuple[int, int]]) -> list[list[int]]:
    """For each closed interval, the later ones (by index, ascending) that share a point with it.

    A sweep by start: each interval meets the earlier-starting ones still open at its start. Intervals that
    end before they start (empty) meet nothing. Linear in the input plus the pairs found, as long as few
    intervals are open at once (scopes stay within a sentence).
    """
    later: list[list[int]] = [[] for _ in intervals]
    active: list[int] = []
    for k in sorted(range(len(intervals)), key=lambda k: intervals[k][0]):
        start, end = intervals[k]
        if end < start:
            continue
        active = [a for a in active if intervals[a][1] >= start]
        for a in active:
            later[min(a, k)].append(max(a, k))
        active.append(k)
    for row in later:
        row.sort()
    return later


class LinearConText(ConText):
    """medspaCy's ConText, building a LinearContextGraph: the same modifiers, scopes and edges, in linear time."""

    def __call__(self, doc: Doc, targets: str | None = None) -> Doc:
        """Apply ConText to `doc` as `ConText.__call__` does (medspaCy 1.3.1), with the linear graph."""
        if not targets and self.input_span_type == "ents":
            targets = doc.ents
        elif not targets and self.input_span_type == "group":
            targets = doc.spans[self.span_group_name]
        elif targets:
            targets = getattr(doc._, targets)
        graph = LinearContextGraph(prune_on_modifier_overlap=self.prune_on_target_overlap)
        graph.targets = targets
        graph.modifiers = []
        matcher = getattr(self, _MATCHER)
        for match_id, start, end in matcher(doc):
            rule = matcher.rule_map[self.nlp.vocab[match_id].text]
            graph.modifiers.append(ConTextModifier(rule, start, end, doc, max_scope=self.max_scope))
        graph.update_scopes()
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
        if self.context_attributes_mapping:
            self.set_context_attributes(graph.edges)
        doc._.context_graph = graph
        return doc


def check_linear_context(component: LinearConText) -> None:
    """Raise InternalError unless medspaCy is the code LinearConText was written against (medspaCy 1.3.1)."""
    changed = [
        f"{owner.__name__}.{name}"
        for (owner, name), digest in _STOCK_SOURCES.items()
        if hashlib.sha256(inspect.getsource(getattr(owner, name)).encode()).hexdigest()[:16] != digest
    ]
    if not isinstance(getattr(component, _MATCHER, None), MedspacyMatcher):
        changed.append(f"ConText.{_MATCHER} (a MedspacyMatcher)")
    if changed:
        raise InternalError(
            f"medspaCy {version('medspacy')} differs from the ConText that abstractor/nlp/context.py reproduces "
            f"(written for medspaCy 1.3.1): {', '.join(changed)} changed. Check LinearConText and "
            "LinearContextGraph against this medspaCy version and update _STOCK_SOURCES, or install medspaCy 1.3.1."
        )
