"""The consultations app is split by concern, with no import cycles between
its modules: models, pages, routes, views, storage, results and headlines
import one another in one direction only."""

import ast
from pathlib import Path

from django.conf import settings


def module_names(root, package):
    """{dotted module name: path} for every module under ``root`` (the folder
    of ``package``), migrations excepted."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = (package, *path.relative_to(root).with_suffix("").parts)
        if "migrations" in parts:
            continue
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def import_graph(root, package):
    """{module: modules of the package it imports}, from every import
    statement, at module level or inside functions and classes alike. An
    import names the module it reads from (``from .models.responses import
    Answer`` is an edge to ``consultations.models.responses``), or the
    submodule it imports (``from . import views`` is an edge to ``views``)."""
    modules = module_names(root, package)
    graph = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    source = ".".join([*base, node.module] if node.module else base)
                else:
                    source = node.module
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    imported.add(submodule if submodule in modules else source)
        graph[name] = {target for target in imported if target in modules} - {name}
    return graph


def cycles(graph):
    """Each cycle found, as the list of modules around it."""
    found = []
    state = {}  # module -> "visiting" or "done"

    def visit(module, trail):
        state[module] = "visiting"
        for target in sorted(graph[module]):
            if state.get(target) == "visiting":
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_the_consultations_app_has_no_import_cycles():
    root = Path(settings.BASE_DIR) / "consultations"
    graph = import_graph(root, "consultations")
    # The graph is real: the page's routes call the survey's views, which store
    # responses; officers' views read the results.
    assert "consultations.views" in graph["consultations.routes"]
    assert "consultations.models.responses" in graph["consultations.survey.storage"]
    assert "consultations.officers.results" in graph["consultations.officers.views"]
    assert not any(name.startswith("consultations.migrations") for name in graph)
    assert cycles(graph) == []


def test_responses_know_nothing_of_pages_or_routes():
    root = Path(settings.BASE_DIR) / "consultations"
    graph = import_graph(root, "consultations")
    assert graph["consultations.models.responses"] == set()


def test_an_import_inside_a_function_still_makes_a_cycle(tmp_path):
    package = tmp_path / "app"
    (package / "migrations").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def thing():\n    from app import a\n")
    (package / "c.py").write_text("import app.a\n")
    (package / "migrations" / "0001_initial.py").write_text("import app.c\n")
    graph = import_graph(package, "app")
    assert graph == {"app": set(), "app.a": {"app.b"}, "app.b": {"app.a"}, "app.c": {"app.a"}}
    assert cycles(graph) == [["app.a", "app.b", "app.a"]]
