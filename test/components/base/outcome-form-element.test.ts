import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../helpers/probe-elements.js';

async function form(template: ReturnType<typeof html>) {
  const element = await fixture<HTMLFormElement>(template);
  const control = element.querySelector('probe-form-control')!;
  await control.updateComplete;
  return { form: element, control };
}

describe('OutcomeFormElement (form-associated base)', () => {
  it('submits its value under its name, and nothing when empty', async () => {
    const { form: f, control } = await form(html`<form><probe-form-control name="outcome" value="sale"></probe-form-control></form>`);
    expect(new FormData(f).get('outcome')).to.equal('sale');
    control.value = '';
    await control.updateComplete;
    expect(new FormData(f).has('outcome')).to.be.false;
    expect(control.form).to.equal(f);
  });

  it('is valueMissing when required and empty, with a message, and valid once filled by keyboard', async () => {
    const { form: f, control } = await form(html`<form><probe-form-control name="o" required></probe-form-control></form>`);
    expect(control.validity.valueMissing).to.be.true;
    expect(control.validationMessage).to.equal('Choose a value.');
    expect(control.checkValidity()).to.be.false;
    expect(f.checkValidity()).to.be.false;
    control.renderRoot.querySelector('input')!.focus();
    await sendKeys({ type: 'sale' });
    await control.updateComplete;
    expect(control.validity.valid).to.be.true;
    expect(new FormData(f).get('o')).to.equal('sale');
  });

  it('shows :state(user-invalid) only after the user interacted or tried to submit', async () => {
    const { form: f, control } = await form(html`<form><probe-form-control name="o" required></probe-form-control></form>`);
    expect(control.matches(':state(invalid)')).to.be.true;
    expect(control.matches(':state(user-invalid)')).to.be.false;
    f.requestSubmit();
    await control.updateComplete;
    expect(control.matches(':state(user-invalid)')).to.be.true;
  });

  it('goes back to the value attribute on form.reset(), and forgets the interaction', async () => {
    const { form: f, control } = await form(html`<form><probe-form-control name="o" value="default" required></probe-form-control></form>`);
    control.renderRoot.querySelector('input')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '-changed' });
    await control.updateComplete;
    expect(control.value).to.equal('default-changed');
    f.reset();
    await control.updateComplete;
    expect(control.value).to.equal('default');
    expect(control.matches(':state(user-invalid)')).to.be.false;
  });

  it('is disabled by a disabled fieldset: no value submitted, no validation', async () => {
    const { form: f, control } = await form(html`<form><fieldset disabled><probe-form-control name="o" value="x" required></probe-form-control></fieldset></form>`);
    expect(control.effectivelyDisabled).to.be.true;
    expect(control.matches(':state(disabled)')).to.be.true;
    expect(new FormData(f).has('o')).to.be.false;
    expect(control.willValidate).to.be.false;
    f.querySelector('fieldset')!.disabled = false;
    await control.updateComplete;
    expect(control.effectivelyDisabled).to.be.false;
    expect(new FormData(f).get('o')).to.equal('x');
  });

  it('restores state the browser hands back', async () => {
    const { control } = await form(html`<form><probe-form-control name="o"></probe-form-control></form>`);
    control.formStateRestoreCallback('restored');
    await control.updateComplete;
    expect(control.value).to.equal('restored');
  });

  it('is accessible', async () => {
    const { form: f } = await form(html`<form><probe-form-control name="o" required></probe-form-control></form>`);
    await expect(f).to.be.accessible();
  });
});
