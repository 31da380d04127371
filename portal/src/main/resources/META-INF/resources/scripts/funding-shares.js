// The award form's funding shares: shows their total as the officer types, so a split that does not make 100%
// is seen before sending. Progressive enhancement only: without this script the form works the same, and the
// server checks the total either way.
const group = document.querySelector('[data-funding-shares]');
if (group) {
  const inputs = [...group.querySelectorAll('input[data-share]')];
  const total = group.querySelector('#shares-total');
  const update = () => {
    let sum = 0;
    let readable = true;
    for (const input of inputs) {
      const text = input.value.replace('%', '').trim();
      if (text === '') continue;
      const value = Number(text);
      if (Number.isNaN(value)) { readable = false; continue; }
      sum += value;
    }
    // two decimal places at most, as the service takes them
    const shown = Math.round(sum * 100) / 100;
    total.hidden = false;
    total.textContent = !readable ? 'Total: check the shares are numbers'
      : shown === 100 ? 'Total: 100%' : `Total: ${shown}% (the shares must add up to 100%)`;
    total.classList.toggle('govuk-error-message', readable && shown !== 100 || !readable);
  };
  inputs.forEach((input) => input.addEventListener('input', update));
  update();
}
