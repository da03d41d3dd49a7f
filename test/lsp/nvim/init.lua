-- A headless Neovim as the language client: start `milint lsp --stdio`, open a page, wait for its
-- diagnostics, write them as JSON to $MILINT_OUT and quit. Neovim 0.8+ has vim.lsp.start; 0.7
-- (Debian bookworm) starts the client and attaches the buffer itself.
local root, page, out = os.getenv('MILINT_ROOT'), os.getenv('MILINT_PAGE'), os.getenv('MILINT_OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(page))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = 'milint',
  cmd = { os.getenv('MILINT_NODE'), os.getenv('MILINT_BIN'), 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
}
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
-- Ends as soon as they come; the limit only catches a server that never publishes (indexing
-- timm's docs on a loaded machine can take many seconds).
local ok = vim.wait(120000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(found, { lnum = d.lnum, col = d.col, code = d.code or lsp.code, source = d.source or lsp.source, message = d.message })
end
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode({ ok = ok, diagnostics = found }))
f:close()
vim.cmd('qall!')
