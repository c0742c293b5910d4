"""The main window and what only it uses: File > Open, recent files, drag and drop."""
