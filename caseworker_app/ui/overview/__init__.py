"""The main window's item models, loaded with the store after the first paint:

deadline_tree.py  DeadlineTreeModel: the Frister tab, deadlines grouped by when they fall due
case_table.py     CaseTableModel: the Sager tab, one row per case with its next deadline
common.py         roles, column numbers, the deadline list's order, the cells both show
"""

from __future__ import annotations

from .case_table import CaseTableModel
from .common import ITEM_ROLE, CaseColumn, DeadlineColumn
from .deadline_tree import DeadlineTreeModel

__all__ = ["ITEM_ROLE", "CaseColumn", "CaseTableModel", "DeadlineColumn", "DeadlineTreeModel"]
