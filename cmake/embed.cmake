# ganscope_embed(NAME NAMESPACE FILES...): compiles text files into a C++ source that defines
# `std::span<const EmbeddedFile> NAMESPACE()`; sets NAME_SOURCE to the generated file.
set(GANSCOPE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

function(ganscope_embed name function)
  set(out ${CMAKE_BINARY_DIR}/generated/${name}.cpp)
  string(REPLACE ";" "|" files "${ARGN}")  # a list would split into separate arguments
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${function} "-DFILES=${files}"
            -P ${GANSCOPE_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${GANSCOPE_EMBED_SCRIPT}
    COMMENT "Embedding ${name}"
    VERBATIM)
  set(${name}_SOURCE ${out} PARENT_SCOPE)
endfunction()
