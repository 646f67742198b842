"""A synthetic network shaped like zangraph's (acts citing acts with a
heavy-tailed in-degree, institutions passing acts and bearing obligations,
provisions around their act), for size and hostile-text tests and for
scripts/viz_bench.py. Its labels are invented; nothing here is legal data."""
from __future__ import annotations

import random

import networkx as nx

BASE = "https://w3id.org/zangraph/id/"

HOSTILE_TITLES = (
    "<script>alert('title')</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>window.pwned=1</script>",
    'quote " and apostrophe \' and ampersand &amp; and <b>bold</b>',
    "line\u2028separator and {{ jinja }} and ${template}",
)

ACT_KINDS = ("law", "code", "decree", "resolution", "order", "treaty", "programme")


def synthetic_network(n_nodes: int = 2000, *, seed: int = 1, hostile: bool = False,
                      provisions: bool = True) -> nx.DiGraph:
    """About `n_nodes` nodes: 40% acts, 5% institutions, 35% obligations and
    20% provisions (or more obligations when `provisions` is off)."""
    rng = random.Random(seed)
    g = nx.DiGraph()
    n_acts = max(2, int(n_nodes * 0.40))
    n_inst = max(1, int(n_nodes * 0.05))
    n_prov = int(n_nodes * 0.20) if provisions else 0
    n_obl = max(0, n_nodes - n_acts - n_inst - n_prov)

    institutions = [f"{BASE}org/institution-{i}" for i in range(n_inst)]
    for i, iri in enumerate(institutions):
        g.add_node(iri, kind="institution", label=f"Institution {i}", title=f"Institution {i} of the Republic",
                   mentions=rng.randint(1, 40), documents=rng.randint(1, 10))

    acts = []
    for i in range(n_acts):
        kind = ACT_KINDS[i % len(ACT_KINDS)]
        year = 1995 + i % 30
        iri = f"{BASE}eli/{kind}/{year}/01/{1 + i % 28:02d}/{i}"
        title = f"On subject number {i}"
        if hostile and i < len(HOSTILE_TITLES):
            title = HOSTILE_TITLES[i]
        g.add_node(iri, kind="act", act_kind=kind, label=f"{kind} No {i}: {title}", title=title,
                   date=f"{year}-01-{1 + i % 28:02d}", number=str(i), documents=0, mentions=0,
                   snippet=f"... in accordance with the {kind} No {i} ... {title}")
        acts.append(iri)
        if institutions and rng.random() < 0.6:
            g.add_edge(iri, rng.choice(institutions), relation="passed by")

    # Preferential attachment: later acts cite earlier, much-cited ones.
    weights = [1.0] * n_acts
    for i in range(1, n_acts):
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            j = rng.choices(range(i), weights=weights[:i])[0]
            if not g.has_edge(acts[i], acts[j]):
                g.add_edge(acts[i], acts[j], relation="cites", weight=1)
                weights[j] += 1.0
                g.nodes[acts[j]]["documents"] += 1
                g.nodes[acts[j]]["mentions"] += rng.randint(1, 3)

    for i in range(n_obl):
        iri = f"{BASE}doc/d{i % 97}.txt/obligation/{i:06x}"
        act = rng.choice(acts)
        g.add_node(iri, kind="obligation", label=f"duty {i}", modality=rng.choice(("obligation", "prohibition")),
                   action=f"perform task {i}", source=g.nodes[act]["label"], documents=1)
        g.add_edge(act, iri, relation="imposes")
        if institutions and rng.random() < 0.7:
            bearer = rng.choice(institutions)
            g.add_edge(bearer, iri, relation="bears")
            g.nodes[iri]["bearer"] = g.nodes[bearer]["label"]

    for i in range(n_prov):
        act = rng.choice(acts[: max(1, n_acts // 4)])
        iri = f"{act}/art/{i}"
        g.add_node(iri, kind="provision", label=f"art. {i}", article=str(i), act=g.nodes[act]["label"], mentions=1)
        g.add_edge(iri, act, relation="part of")
    return g
