"""The organisation that has a given set of sites, by the relations a document has read so far.

The relation frame "head-count-at-sites" ("V tovarnah v Logatcu in Vrhniki dela 210 ljudi")
gives the head count to the one organisation that has all those plants. ``kg.extract.relations._site_owner``
answers that by reading all of ``doc.relations`` at every such sentence, which grows with the
square of the document. ``SiteOwners`` gives the same answers from indexes it brings up to date
with the relations added since its last question, so a question costs what the sites asked about
and their owners cost, not the whole document.
"""
from __future__ import annotations

from kg.extract.document import Document, MentionSource, Quantity
from kg.extract.matcher import Unit


class SiteOwners:
    """Indexes over ``doc.relations`` as it grows, for ``owner``.

    >>> from pathlib import Path
    >>> from kg.extract.document import Group, Mention, MentionSource, Relation
    >>> doc = Document("d", Path("d.txt"), "", {}, groups=[Group("Krka", "akg:Company"),
    ...                Group("Industrijska cona", "akg:IndustrialHub"), Group("obrat", "akg:Plant")])
    >>> doc.mentions = [Mention(0, 1, 0, 5, "Krka", 0, "akg:Company", "Krka", MentionSource.LEGAL, group=0)]
    >>> owners = SiteOwners(doc)
    >>> doc.relations += [Relation(0, "org:hasSite", 1, None, "r", 0, (0,)),
    ...                   Relation(1, "schema:containsPlace", 2, None, "r", 0, ())]
    >>> owners.owner([Unit("ent", 9, 10, group=2)]).group
    0
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._read = 0  # relations indexed so far
        self._hubs_of: dict[int, set[int]] = {}  # place -> the hubs that contain it
        self._first: dict[int, int] = {}  # organisation -> mention of its first site relation
        self._sites: dict[int, set[int]] = {}  # organisation -> its sites (not through a hub)
        self._owners: dict[int, set[int]] = {}  # site -> the organisations that have it
        self._counted: dict[int, list] = {}  # organisation -> its counts of sites (no place)

    def _update(self) -> None:
        relations, mentions = self.doc.relations, self.doc.mentions
        for r in relations[self._read:]:
            if r.pred == "schema:containsPlace" and r.obj is not None:
                self._hubs_of.setdefault(r.obj, set()).add(r.subj)
            elif r.pred == "org:hasSite" and r.obj is not None and r.mentions and \
                    mentions[r.mentions[0]].source != MentionSource.COREF:
                self._first.setdefault(r.subj, r.mentions[0])
                self._sites.setdefault(r.subj, set()).add(r.obj)
                self._owners.setdefault(r.obj, set()).add(r.subj)
            elif r.pred == "akg:numberOfSites" and isinstance(r.value, Quantity) and not r.place:
                self._counted.setdefault(r.subj, []).append(r.value.value)
        self._read = len(relations)

    def _has(self, g: int, site: int) -> bool:
        """Whether organisation ``g`` has ``site``, directly or through a hub it has."""
        sites = self._sites[g]
        return site in sites or any(h in sites for h in self._hubs_of.get(site, ()))

    def owner(self, sites: list[Unit]) -> Unit | None:
        """The one organisation that, by the relations read so far (not through a noun referring
        back), has all these sites, directly or through a hub, and no more of them by a count of
        its sites; else None. Same as ``kg.extract.relations._site_owner``."""
        self._update()
        groups = {u.group for u in sites}
        if groups:
            some = next(iter(groups))
            near = set(self._owners.get(some, ()))
            for hub in self._hubs_of.get(some, ()):
                near.update(self._owners.get(hub, ()))
        else:
            near = set(self._sites)
        fitting = [g for g in near if all(self._has(g, s) for s in groups)]
        if len(fitting) != 1:
            return None
        g = fitting[0]
        if any(isinstance(n, (int, float)) and n > len(groups) for n in self._counted.get(g, ())):
            return None  # "ima štiri tovarne ... v obratih na Ptuju in v Ormožu": only some of them
        k = self._first[g]
        m = self.doc.mentions[k]
        return Unit("ent", m.tok_start, m.tok_end, mention=k, group=g, cls=self.doc.groups[g].cls, source=m.source)
