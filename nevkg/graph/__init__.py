"""The graph layer: stores, the KnowledgeGraph, build, validation, projection and exports."""
