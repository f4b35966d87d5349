"""The build-time SVG map: outlines projected once (``data/regions.json``), points projected alike, drawn by ``svg.draw_map``."""
