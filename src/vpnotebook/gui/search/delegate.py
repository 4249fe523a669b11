"""Draws a result row from (already escaped) HTML, so matched words can stand out in bold."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# The row's HTML; the display role keeps the plain text for screen readers and copying.
HTML_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_PADDING = 6


class HtmlDelegate(QStyledItemDelegate):
    def _document(self, text: str, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setDefaultFont(option.font)
        document.setHtml(text)
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus as the platform draws them; then our text on top.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view_option, widget)
        document = self._document(str(text), view_option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(view_option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, view_option.palette.color(role))
        painter.save()
        top = area.top() + max(0, (area.height() - int(document.size().height())) // 2)
        painter.translate(area.left(), top)
        painter.setClipRect(0, 0, area.width(), area.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = index.data(HTML_ROLE)
        base = super().sizeHint(option, index)
        if not text:
            return QSize(base.width(), base.height() + ROW_PADDING)
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        document = self._document(str(text), view_option)
        return QSize(
            int(document.idealWidth()) + 8,
            max(base.height(), int(document.size().height())) + ROW_PADDING,
        )
