const Je=globalThis,bt=Je.ShadowRoot&&(Je.ShadyCSS===void 0||Je.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,$t=Symbol(),It=new WeakMap;let is=class{constructor(e,s,i){if(this._$cssResult$=!0,i!==$t)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=s}get styleSheet(){let e=this.o;const s=this.t;if(bt&&e===void 0){const i=s!==void 0&&s.length===1;i&&(e=It.get(s)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),i&&It.set(s,e))}return e}toString(){return this.cssText}};const Es=t=>new is(typeof t=="string"?t:t+"",void 0,$t),P=(t,...e)=>{const s=t.length===1?t[0]:e.reduce((i,n,r)=>i+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+t[r+1],t[0]);return new is(s,t,$t)},Cs=(t,e)=>{if(bt)t.adoptedStyleSheets=e.map(s=>s instanceof CSSStyleSheet?s:s.styleSheet);else for(const s of e){const i=document.createElement("style"),n=Je.litNonce;n!==void 0&&i.setAttribute("nonce",n),i.textContent=s.cssText,t.appendChild(i)}},Lt=bt?t=>t:t=>t instanceof CSSStyleSheet?(e=>{let s="";for(const i of e.cssRules)s+=i.cssText;return Es(s)})(t):t;const{is:Ps,defineProperty:Os,getOwnPropertyDescriptor:Ts,getOwnPropertyNames:Is,getOwnPropertySymbols:Ls,getPrototypeOf:zs}=Object,nt=globalThis,zt=nt.trustedTypes,Ds=zt?zt.emptyScript:"",Rs=nt.reactiveElementPolyfillSupport,Pe=(t,e)=>t,Ye={toAttribute(t,e){switch(e){case Boolean:t=t?Ds:null;break;case Object:case Array:t=t==null?t:JSON.stringify(t)}return t},fromAttribute(t,e){let s=t;switch(e){case Boolean:s=t!==null;break;case Number:s=t===null?null:Number(t);break;case Object:case Array:try{s=JSON.parse(t)}catch{s=null}}return s}},wt=(t,e)=>!Ps(t,e),Dt={attribute:!0,type:String,converter:Ye,reflect:!1,useDefault:!1,hasChanged:wt};Symbol.metadata??=Symbol("metadata"),nt.litPropertyMetadata??=new WeakMap;let fe=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,s=Dt){if(s.state&&(s.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((s=Object.create(s)).wrapped=!0),this.elementProperties.set(e,s),!s.noAccessor){const i=Symbol(),n=this.getPropertyDescriptor(e,i,s);n!==void 0&&Os(this.prototype,e,n)}}static getPropertyDescriptor(e,s,i){const{get:n,set:r}=Ts(this.prototype,e)??{get(){return this[s]},set(a){this[s]=a}};return{get:n,set(a){const d=n?.call(this);r?.call(this,a),this.requestUpdate(e,d,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Dt}static _$Ei(){if(this.hasOwnProperty(Pe("elementProperties")))return;const e=zs(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Pe("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Pe("properties"))){const s=this.properties,i=[...Is(s),...Ls(s)];for(const n of i)this.createProperty(n,s[n])}const e=this[Symbol.metadata];if(e!==null){const s=litPropertyMetadata.get(e);if(s!==void 0)for(const[i,n]of s)this.elementProperties.set(i,n)}this._$Eh=new Map;for(const[s,i]of this.elementProperties){const n=this._$Eu(s,i);n!==void 0&&this._$Eh.set(n,s)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const s=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const n of i)s.unshift(Lt(n))}else e!==void 0&&s.push(Lt(e));return s}static _$Eu(e,s){const i=s.attribute;return i===!1?void 0:typeof i=="string"?i:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,s=this.constructor.elementProperties;for(const i of s.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Cs(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,s,i){this._$AK(e,i)}_$ET(e,s){const i=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,i);if(n!==void 0&&i.reflect===!0){const r=(i.converter?.toAttribute!==void 0?i.converter:Ye).toAttribute(s,i.type);this._$Em=e,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(e,s){const i=this.constructor,n=i._$Eh.get(e);if(n!==void 0&&this._$Em!==n){const r=i.getPropertyOptions(n),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:Ye;this._$Em=n;const d=a.fromAttribute(s,r.type);this[n]=d??this._$Ej?.get(n)??d,this._$Em=null}}requestUpdate(e,s,i,n=!1,r){if(e!==void 0){const a=this.constructor;if(n===!1&&(r=this[e]),i??=a.getPropertyOptions(e),!((i.hasChanged??wt)(r,s)||i.useDefault&&i.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,i))))return;this.C(e,s,i)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,s,{useDefault:i,reflect:n,wrapped:r},a){i&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??s??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||i||(s=void 0),this._$AL.set(e,s)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(s){Promise.reject(s)}const e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}const i=this.constructor.elementProperties;if(i.size>0)for(const[n,r]of i){const{wrapped:a}=r,d=this[n];a!==!0||this._$AL.has(n)||d===void 0||this.C(n,void 0,r,d)}}let e=!1;const s=this._$AL;try{e=this.shouldUpdate(s),e?(this.willUpdate(s),this._$EO?.forEach(i=>i.hostUpdate?.()),this.update(s)):this._$EM()}catch(i){throw e=!1,this._$EM(),i}e&&this._$AE(s)}willUpdate(e){}_$AE(e){this._$EO?.forEach(s=>s.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(s=>this._$ET(s,this[s])),this._$EM()}updated(e){}firstUpdated(e){}};fe.elementStyles=[],fe.shadowRootOptions={mode:"open"},fe[Pe("elementProperties")]=new Map,fe[Pe("finalized")]=new Map,Rs?.({ReactiveElement:fe}),(nt.reactiveElementVersions??=[]).push("2.1.2");const _t=globalThis,Rt=t=>t,Xe=_t.trustedTypes,Ut=Xe?Xe.createPolicy("lit-html",{createHTML:t=>t}):void 0,ns="$lit$",W=`lit$${Math.random().toFixed(9).slice(2)}$`,rs="?"+W,Us=`<${rs}>`,se=document,Le=()=>se.createComment(""),ze=t=>t===null||typeof t!="object"&&typeof t!="function",kt=Array.isArray,Ns=t=>kt(t)||typeof t?.[Symbol.iterator]=="function",ct=`[ 	
\f\r]`,Ee=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Nt=/-->/g,Mt=/>/g,ee=RegExp(`>|${ct}(?:([^\\s"'>=/]+)(${ct}*=${ct}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),jt=/'/g,qt=/"/g,as=/^(?:script|style|textarea|title)$/i,os=t=>(e,...s)=>({_$litType$:t,strings:e,values:s}),c=os(1),Ms=os(2),M=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),Ht=new WeakMap,te=se.createTreeWalker(se,129);function cs(t,e){if(!kt(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ut!==void 0?Ut.createHTML(e):e}const js=(t,e)=>{const s=t.length-1,i=[];let n,r=e===2?"<svg>":e===3?"<math>":"",a=Ee;for(let d=0;d<s;d++){const l=t[d];let h,m,f=-1,v=0;for(;v<l.length&&(a.lastIndex=v,m=a.exec(l),m!==null);)v=a.lastIndex,a===Ee?m[1]==="!--"?a=Nt:m[1]!==void 0?a=Mt:m[2]!==void 0?(as.test(m[2])&&(n=RegExp("</"+m[2],"g")),a=ee):m[3]!==void 0&&(a=ee):a===ee?m[0]===">"?(a=n??Ee,f=-1):m[1]===void 0?f=-2:(f=a.lastIndex-m[2].length,h=m[1],a=m[3]===void 0?ee:m[3]==='"'?qt:jt):a===qt||a===jt?a=ee:a===Nt||a===Mt?a=Ee:(a=ee,n=void 0);const _=a===ee&&t[d+1].startsWith("/>")?" ":"";r+=a===Ee?l+Us:f>=0?(i.push(h),l.slice(0,f)+ns+l.slice(f)+W+_):l+W+(f===-2?d:_)}return[cs(t,r+(t[s]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),i]};class De{constructor({strings:e,_$litType$:s},i){let n;this.parts=[];let r=0,a=0;const d=e.length-1,l=this.parts,[h,m]=js(e,s);if(this.el=De.createElement(h,i),te.currentNode=this.el.content,s===2||s===3){const f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(n=te.nextNode())!==null&&l.length<d;){if(n.nodeType===1){if(n.hasAttributes())for(const f of n.getAttributeNames())if(f.endsWith(ns)){const v=m[a++],_=n.getAttribute(f).split(W),I=/([.?@])?(.*)/.exec(v);l.push({type:1,index:r,name:I[2],strings:_,ctor:I[1]==="."?Hs:I[1]==="?"?Bs:I[1]==="@"?Fs:rt}),n.removeAttribute(f)}else f.startsWith(W)&&(l.push({type:6,index:r}),n.removeAttribute(f));if(as.test(n.tagName)){const f=n.textContent.split(W),v=f.length-1;if(v>0){n.textContent=Xe?Xe.emptyScript:"";for(let _=0;_<v;_++)n.append(f[_],Le()),te.nextNode(),l.push({type:2,index:++r});n.append(f[v],Le())}}}else if(n.nodeType===8)if(n.data===rs)l.push({type:2,index:r});else{let f=-1;for(;(f=n.data.indexOf(W,f+1))!==-1;)l.push({type:7,index:r}),f+=W.length-1}r++}}static createElement(e,s){const i=se.createElement("template");return i.innerHTML=e,i}}function $e(t,e,s=t,i){if(e===M)return e;let n=i!==void 0?s._$Co?.[i]:s._$Cl;const r=ze(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(t),n._$AT(t,s,i)),i!==void 0?(s._$Co??=[])[i]=n:s._$Cl=n),n!==void 0&&(e=$e(t,n._$AS(t,e.values),n,i)),e}class qs{constructor(e,s){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=s}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:s},parts:i}=this._$AD,n=(e?.creationScope??se).importNode(s,!0);te.currentNode=n;let r=te.nextNode(),a=0,d=0,l=i[0];for(;l!==void 0;){if(a===l.index){let h;l.type===2?h=new je(r,r.nextSibling,this,e):l.type===1?h=new l.ctor(r,l.name,l.strings,this,e):l.type===6&&(h=new Vs(r,this,e)),this._$AV.push(h),l=i[++d]}a!==l?.index&&(r=te.nextNode(),a++)}return te.currentNode=se,n}p(e){let s=0;for(const i of this._$AV)i!==void 0&&(i.strings!==void 0?(i._$AI(e,i,s),s+=i.strings.length-2):i._$AI(e[s])),s++}}class je{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,s,i,n){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=s,this._$AM=i,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const s=this._$AM;return s!==void 0&&e?.nodeType===11&&(e=s.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,s=this){e=$e(this,e,s),ze(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==M&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Ns(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&ze(this._$AH)?this._$AA.nextSibling.data=e:this.T(se.createTextNode(e)),this._$AH=e}$(e){const{values:s,_$litType$:i}=e,n=typeof i=="number"?this._$AC(e):(i.el===void 0&&(i.el=De.createElement(cs(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===n)this._$AH.p(s);else{const r=new qs(n,this),a=r.u(this.options);r.p(s),this.T(a),this._$AH=r}}_$AC(e){let s=Ht.get(e.strings);return s===void 0&&Ht.set(e.strings,s=new De(e)),s}k(e){kt(this._$AH)||(this._$AH=[],this._$AR());const s=this._$AH;let i,n=0;for(const r of e)n===s.length?s.push(i=new je(this.O(Le()),this.O(Le()),this,this.options)):i=s[n],i._$AI(r),n++;n<s.length&&(this._$AR(i&&i._$AB.nextSibling,n),s.length=n)}_$AR(e=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);e!==this._$AB;){const i=Rt(e).nextSibling;Rt(e).remove(),e=i}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}}class rt{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,s,i,n,r){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=s,this._$AM=n,this.options=r,i.length>2||i[0]!==""||i[1]!==""?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=u}_$AI(e,s=this,i,n){const r=this.strings;let a=!1;if(r===void 0)e=$e(this,e,s,0),a=!ze(e)||e!==this._$AH&&e!==M,a&&(this._$AH=e);else{const d=e;let l,h;for(e=r[0],l=0;l<r.length-1;l++)h=$e(this,d[i+l],s,l),h===M&&(h=this._$AH[l]),a||=!ze(h)||h!==this._$AH[l],h===u?e=u:e!==u&&(e+=(h??"")+r[l+1]),this._$AH[l]=h}a&&!n&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class Hs extends rt{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}}class Bs extends rt{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}}class Fs extends rt{constructor(e,s,i,n,r){super(e,s,i,n,r),this.type=5}_$AI(e,s=this){if((e=$e(this,e,s,0)??u)===M)return;const i=this._$AH,n=e===u&&i!==u||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,r=e!==u&&(i===u||n);n&&this.element.removeEventListener(this.name,this,i),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class Vs{constructor(e,s,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=s,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){$e(this,e)}}const Zs=_t.litHtmlPolyfillSupport;Zs?.(De,je),(_t.litHtmlVersions??=[]).push("3.3.3");const Ws=(t,e,s)=>{const i=s?.renderBefore??e;let n=i._$litPart$;if(n===void 0){const r=s?.renderBefore??null;i._$litPart$=n=new je(e.insertBefore(Le(),r),r,void 0,s??{})}return n._$AI(t),n};const xt=globalThis;let Oe=class extends fe{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const s=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ws(s,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return M}};Oe._$litElement$=!0,Oe.finalized=!0,xt.litElementHydrateSupport?.({LitElement:Oe});const Gs=xt.litElementPolyfillSupport;Gs?.({LitElement:Oe});(xt.litElementVersions??=[]).push("4.2.2");const A=t=>(e,s)=>{s!==void 0?s.addInitializer(()=>{customElements.define(t,e)}):customElements.define(t,e)};const Ks={attribute:!0,type:String,converter:Ye,reflect:!1,hasChanged:wt},Js=(t=Ks,e,s)=>{const{kind:i,metadata:n}=s;let r=globalThis.litPropertyMetadata.get(n);if(r===void 0&&globalThis.litPropertyMetadata.set(n,r=new Map),i==="setter"&&((t=Object.create(t)).wrapped=!0),r.set(s.name,t),i==="accessor"){const{name:a}=s;return{set(d){const l=e.get.call(this);e.set.call(this,d),this.requestUpdate(a,l,t,!0,d)},init(d){return d!==void 0&&this.C(a,void 0,t,d),d}}}if(i==="setter"){const{name:a}=s;return function(d){const l=this[a];e.call(this,d),this.requestUpdate(a,l,t,!0,d)}}throw Error("Unsupported decorator location: "+i)};function $(t){return(e,s)=>typeof s=="object"?Js(t,e,s):((i,n,r)=>{const a=n.hasOwnProperty(r);return n.constructor.createProperty(r,i),a?Object.getOwnPropertyDescriptor(n,r):void 0})(t,e,s)}function p(t){return $({...t,state:!0,attribute:!1})}const Ys={code:"de",label:"Deutsch",server:"en",messages:{"app.name":"OrbitHub","app.offline":"Offline: die gespeicherte App wird angezeigt; Änderungen brauchen den Hub.","app.live":"Live","app.reconnecting":"Verbindung wird wiederhergestellt…","app.loading":"Wird geladen…","app.retry":"Erneut versuchen","app.close":"Schließen","app.save":"Speichern","app.cancel":"Abbrechen","app.none":"Hier ist noch nichts.","app.unavailable":"Auf diesem Hub nicht verfügbar.","nav.home":"Zuhause","nav.energy":"Energie","nav.activity":"Verlauf","nav.alerts":"Posteingang","nav.more":"Mehr","login.title":"Bei OrbitHub anmelden","login.username":"Benutzername","login.password":"Passwort","login.submit":"Anmelden","login.failed":"Anmeldung fehlgeschlagen: {message}","onboarding.title":"Willkommen! Lege das Konto des Eigentümers an","onboarding.intro":"Dieser Hub hat noch keine Benutzer. Das erste Konto gehört dem Eigentümer.","onboarding.display_name":"Dein Name","onboarding.submit":"Eigentümer anlegen",logout:"Abmelden","spaces.rooms_all":"Alle Räume","spaces.no_room":"Ganzer Bereich","spaces.empty":"Hier gibt es keine Geräte, die du sehen darfst.","spaces.kind.home":"Zuhause","spaces.kind.office":"Büro","spaces.kind.vehicle":"Auto","device.online":"Online","device.offline":"Offline","device.read_only":"Nur ansehen","device.details":"Details","device.confirmed":"{name}: erledigt","device.not_confirmed":"{name}: gesendet, das Gerät hat es noch nicht bestätigt","device.not_found":"Dieses Gerät gibt es nicht, oder du darfst es nicht sehen.","device.history":"Verlauf","device.no_history":"Für diesen Zeitraum ist nichts aufgezeichnet.","device.back":"Zurück","device.decrease":"Verringern","device.increase":"Erhöhen","confirm.unlock":"{name} entriegeln?","confirm.open":"{name} öffnen?","confirm.disarm":"{name} unscharf schalten?","confirm.unlock_button":"Entriegeln","confirm.open_button":"Öffnen","confirm.disarm_button":"Unscharf schalten","range.hour":"1 Std.","range.day":"24 Std.","range.week":"7 Tage","range.month":"30 Tage","energy.title":"Energie","energy.day":"Tag","energy.month":"Monat","energy.week":"Woche","energy.earlier":"Früher","energy.later":"Später","energy.per_day":"Pro Tag","energy.by_device":"Nach Gerät","energy.by_room":"Nach Raum","energy.total":"Gesamt {value} {unit}","energy.span":"Zeitraum","energy.today":"Zurück zu heute","energy.per_hour":"Pro Stunde","energy.top":"Größte Verbraucher","energy.nothing_used":"In diesem Zeitraum hat kein Gerät mit Zähler Strom verbraucht.","energy.priced_at":"Berechnet mit dem Stromtarif des Zuhauses: {tariff}","energy.no_tariff_title":"Kein Stromtarif","energy.no_tariff":"Für dieses Zuhause ist noch kein Stromtarif festgelegt; die App zeigt den Verbrauch, aber keine Kosten.","energy.no_tariff_ask":"Eigentümer oder Erwachsene des Zuhauses können ihn hier festlegen.","energy.price_per_kwh":"Preis pro kWh (ganztags gleich)","energy.currency":"Währung (drei Buchstaben, z. B. EUR, CNY)","energy.set_tariff":"Tarif festlegen","energy.flat_tariff":"Ganztags ein Preis","car.title":"Auto","car.battery":"Akku","car.range":"Reichweite","car.charging":"Laden","car.limit":"Ladegrenze","car.climate":"Laden, Innenraumklima und Türen","car.location":"Standort","car.plan":"Ladeplan","car.eta":"Ankunft","car.home":"Zuhause","car.office":"Büro","car.distance":"{km} km von zu Hause","car.eta_line":"{place}: {time} (in {minutes} Min.)","car.settings":"Ladeeinstellungen","car.target":"Ziel bis Abfahrt (%)","car.departure":"Abfahrt","car.settings_hint":"Der Plan lädt bis zur Abfahrt auf das Ziel, in den günstigsten Stunden des Tarifs; die Grenze ist das Höchste, worauf das Auto je lädt (schont den Akku).","car.precondition":"Innenraum jetzt vorheizen","car.preconditioning":"Der Innenraum wird auf {temperature} °C gebracht.","car.saved":"Gespeichert: das Auto plant neu.","car.target_over_limit":"Das Ziel ({target} %) liegt über der Grenze ({limit} %): Grenze erhöhen oder Ziel senken.","car.plan_line":"{target} % bis {time} · {cost}","activity.title":"Verlauf","activity.events":"Ereignisse","activity.audit":"Prüfprotokoll","activity.online":"{device} ist online","activity.offline":"{device} ist offline gegangen","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"an","activity.off":"aus","activity.zone_enter":"{device} hat {space} erreicht","activity.zone_leave":"{device} hat {space} verlassen","activity.arrived":"{person} ist in {space} angekommen","activity.left":"{person} hat {space} verlassen","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Jemand","assistant.placeholder":"Frage oder Befehl, z. B. „Küchenlicht an“","assistant.send":"Senden","assistant.all":"Alle","assistant.cancel":"Abbrechen","assistant.choices":"Wähle eines","notifications.title":"Benachrichtigungen","notifications.mark_read":"Als gelesen markieren","automations.title":"Automationen","automations.last_run":"Zuletzt gelaufen {time}: {outcome}","automations.never":"Noch nie gelaufen","automations.why":"Warum?","automations.run":"Jetzt ausführen","automations.started":"Gestartet.","automations.not_started":"Nicht gestartet: {reason}","automations.why_none":"Keine kürzliche Prüfung ihrer Auslöser hat sie aufgehalten.","automations.enabled":"An","automations.disabled":"Aus","insights.suggestions":"Vorschläge","insights.alerts":"Warnungen","insights.accept":"Annehmen","insights.reject":"Ablehnen","insights.dismiss":"Verwerfen","users.title":"Benutzer und Zugriff","users.create":"Benutzer hinzufügen","users.role":"Rolle","users.display_name":"Anzeigename","users.role.owner":"Eigentümer","users.role.adult":"Erwachsen","users.role.child":"Kind","users.role.guest":"Gast","users.grants":"Zugriff","users.grant":"Zugriff geben","users.revoke":"Entziehen","users.delete":"Benutzer entfernen","users.space":"Bereich","users.rooms":"Räume (keiner angekreuzt: der ganze Bereich)","users.devices":"Geräte (optional)","users.expires":"Läuft ab (optional)","users.whole_space":"ganzer Bereich","users.until":"bis {time}","users.delete_question":"{name} entfernen? Zugriff und Sitzungen enden.","users.revoke_question":"{name} den Zugriff auf {what} entziehen?","users.password_set":"Neues Passwort für {name} gesetzt; die Sitzungen wurden beendet.","users.reset_password":"Passwort setzen","users.new_password":"Neues Passwort","users.no_expiry":"läuft nicht ab","settings.title":"Einstellungen","settings.language":"Sprache","settings.companion":"Dieses Telefon als Begleiter nutzen (Standort und Akku)","settings.companion_hint":"Meldungen gehen nur an deinen Hub, solange die App offen ist.","settings.push":"Push-Benachrichtigungen","settings.push_on":"Push einschalten","settings.push_done":"Push-Benachrichtigungen sind für diesen Browser an.","settings.push_unavailable":"Push ist nicht verfügbar (dem Hub oder diesem Browser fehlt es).","settings.signed_in_as":"Angemeldet als {name} ({role})","settings.security_notices":"Mir sagen, wenn ein Kind oder Gast eine Tür entriegelt oder die Garage öffnet","users.counts_for_presence":"Sein Telefon zählt dazu, wer zu Hause ist","more.title":"Mehr","error.offline":"Der Hub ist nicht erreichbar. Prüfe die Verbindung und versuche es erneut.","error.generic":"Etwas ist schiefgegangen ({status}).","device.unavailable":"Nicht verfügbar","device.stale":"(zuletzt bekannt)","device.last_command":"Zuletzt bedient: {who}, {time}","device.favourite":"Favorit","glance.title":"Auf einen Blick","glance.people":"Zu Hause","glance.nobody":"Niemand","glance.inside":"Innen","glance.doors":"Türen und Schlösser","glance.all_locked":"Alles verriegelt","glance.unlocked_named":"{names} entriegelt","glance.open_count":"{count} offen","glance.doors_closed":"Türen zu","glance.secure":"Verriegelt und zu","glance.energy":"Energie heute","glance.eta":"{place} in {minutes} Min.","glance.charging":"Lädt","glance.locked":"Verriegelt","glance.unlocked":"Entriegelt","glance.open":"Offen","glance.closed":"Zu","glance.motion":"Bewegung jetzt","glance.no_motion":"Keine Bewegung","glance.on":"An","glance.off":"Aus","glance.position":"{value} % offen","glance.battery":"Akku {value} %","scenes.title":"Szenen","scenes.done":"{name}: erledigt","scenes.partial":"{name}: {count} nicht gesetzt ({reason})","spaces.favourites":"Favoriten","spaces.on_count":"{count} an","spaces.all_off":"Alles aus"},spec:{on:"Schalter",brightness:"Helligkeit","color-temperature":"Farbtemperatur",mode:"Modus","target-temperature":"Zieltemperatur","fan-level":"Lüfterstufe",temperature:"Temperatur","outside-temperature":"Außentemperatur","relative-humidity":"Relative Luftfeuchte","electric-power":"Leistung","power-consumption":"Verbrauch",voltage:"Spannung","electric-current":"Strom","battery-level":"Akkustand",charging:"Lädt","charging-state":"Ladezustand","charge-limit":"Ladegrenze",range:"Reichweite",speed:"Geschwindigkeit",odometer:"Kilometerstand",latitude:"Breitengrad",longitude:"Längengrad",heading:"Richtung",locked:"Verriegelt","door-state":"Türzustand","operation-method":"Öffnungsart","motor-control":"Motorsteuerung","current-position":"Aktuelle Position","target-position":"Zielposition",status:"Status","cleaned-area":"Gereinigte Fläche","max-current":"Maximaler Strom",plugged:"Eingesteckt",toggle:"Umschalten","start-sweep":"Reinigung starten","stop-sweeping":"Reinigung stoppen","return-to-dock":"Zur Station","start-charge":"Laden starten","stop-charge":"Laden stoppen",Auto:"Automatisch",Cool:"Kühlen",Dry:"Entfeuchten",Heat:"Heizen",Fan:"Lüften",Low:"Niedrig",Medium:"Mittel",High:"Hoch",Pause:"Pause",Open:"Öffnen",Close:"Schließen",Closed:"Geschlossen",Idle:"Bereit",Charging:"Lädt",Finished:"Fertig",Complete:"Voll",Fault:"Störung",Disconnected:"Nicht verbunden",Plugged:"Eingesteckt",Sweeping:"Reinigt",Paused:"Pausiert",Error:"Fehler",Returning:"Kehrt zurück",Key:"Schlüssel",App:"App",Fingerprint:"Fingerabdruck",Password:"Passwort","reset-filter-life":"Filterlaufzeit zurücksetzen","self-test":"Selbsttest",accuracy:"Genauigkeit","at-home":"Zu Hause",channel:"Kanal","contact-state":"Kontakt geschlossen","filter-life-level":"Filterrestlaufzeit",illumination:"Helligkeit der Umgebung","motion-state":"Bewegung",mute:"Stumm","pm2.5-density":"PM2,5-Konzentration","smoke-concentration":"Rauchkonzentration","smoke-detected":"Rauch erkannt",ssid:"Verbundenes WLAN",volume:"Lautstärke",Eco:"Eco",Favorite:"Favorit","Frost Protection":"Frostschutz",Manual:"Manuell","No Faults":"Keine Störungen","Sensor Fault":"Sensorstörung",Sleep:"Schlafen"}},Xs=Object.freeze(Object.defineProperty({__proto__:null,locale:Ys},Symbol.toStringTag,{value:"Module"})),ls={"app.name":"OrbitHub","app.offline":"Offline: showing the saved app; changes need the hub.","app.live":"Live","app.reconnecting":"Reconnecting…","app.loading":"Loading…","app.retry":"Retry","app.close":"Close","app.save":"Save","app.cancel":"Cancel","app.none":"Nothing here yet.","app.unavailable":"Not available on this hub.","nav.home":"Home","nav.energy":"Energy","nav.activity":"Activity","nav.alerts":"Inbox","nav.more":"More","login.title":"Sign in to OrbitHub","login.username":"User name","login.password":"Password","login.submit":"Sign in","login.failed":"Sign-in failed: {message}","onboarding.title":"Welcome! Create the owner account","onboarding.intro":"This hub has no users yet. The first account owns the hub.","onboarding.display_name":"Your name","onboarding.submit":"Create owner",logout:"Sign out","spaces.rooms_all":"All rooms","spaces.no_room":"Whole space","spaces.empty":"No devices you may see here.","spaces.kind.home":"Home","spaces.kind.office":"Office","spaces.kind.vehicle":"Car","device.online":"Online","device.offline":"Offline","device.read_only":"View only","device.details":"Details","device.confirmed":"{name}: done","device.not_confirmed":"{name}: sent, the device has not confirmed yet","device.not_found":"This device does not exist or you may not see it.","device.history":"History","device.no_history":"No history recorded for this range.","device.back":"Back","device.decrease":"Decrease","device.increase":"Increase","confirm.unlock":"Unlock {name}?","confirm.open":"Open {name}?","confirm.disarm":"Disarm {name}?","confirm.unlock_button":"Unlock","confirm.open_button":"Open","confirm.disarm_button":"Disarm","range.hour":"1 h","range.day":"24 h","range.week":"7 days","range.month":"30 days","energy.title":"Energy","energy.day":"Day","energy.month":"Month","energy.week":"Week","energy.earlier":"Earlier","energy.later":"Later","energy.per_day":"Per day","energy.by_device":"By device","energy.by_room":"By room","energy.total":"Total {value} {unit}","energy.span":"Period","energy.today":"Back to today","energy.per_hour":"Per hour","energy.top":"Top consumers","energy.nothing_used":"No metered device used energy in this period.","energy.priced_at":"Priced at the home’s tariff: {tariff}","energy.no_tariff_title":"No electricity tariff","energy.no_tariff":"This home has no electricity tariff yet, so the app shows energy but no cost.","energy.no_tariff_ask":"An owner or adult of the home can set one here.","energy.price_per_kwh":"Price per kWh (one price all day)","energy.currency":"Currency (three letters, e.g. CNY, EUR)","energy.set_tariff":"Set tariff","energy.flat_tariff":"One price all day","car.title":"Car","car.battery":"Battery","car.range":"Range","car.charging":"Charging","car.limit":"Charge limit","car.climate":"Charging, cabin climate and doors","car.location":"Location","car.plan":"Charging plan","car.eta":"Arrival","car.home":"Home","car.office":"Office","car.distance":"{km} km from home","car.eta_line":"{place}: {time} (in {minutes} min)","car.settings":"Charging settings","car.target":"Target by departure (%)","car.departure":"Departure","car.settings_hint":"The plan charges to the target by departure, in the cheapest hours of the tariff; the limit is the most the car ever charges to (kinder to the battery).","car.precondition":"Warm up the cabin now","car.preconditioning":"The cabin is being brought to {temperature} °C.","car.saved":"Saved: the car plans again.","car.target_over_limit":"The target ({target}%) is above the limit ({limit}%): raise the limit or lower the target.","car.plan_line":"{target}% by {time} · {cost}","activity.title":"Activity","activity.events":"Events","activity.audit":"Audit log","activity.online":"{device} is online","activity.offline":"{device} went offline","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"on","activity.off":"off","activity.zone_enter":"{device} entered {space}","activity.zone_leave":"{device} left {space}","activity.arrived":"{person} arrived at {space}","activity.left":"{person} left {space}","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Someone","assistant.placeholder":"Ask or command, e.g. “turn on the kitchen light”","assistant.send":"Send","assistant.all":"All of them","assistant.cancel":"Cancel","assistant.choices":"Choose one","notifications.title":"Notifications","notifications.mark_read":"Mark read","automations.title":"Automations","automations.last_run":"Last run {time}: {outcome}","automations.never":"Never run","automations.why":"Why?","automations.run":"Run now","automations.started":"Started.","automations.not_started":"Not started: {reason}","automations.why_none":"No recent check of its triggers held it back.","automations.enabled":"On","automations.disabled":"Off","insights.suggestions":"Suggestions","insights.alerts":"Alerts","insights.accept":"Accept","insights.reject":"Reject","insights.dismiss":"Dismiss","users.title":"Users and access","users.create":"Add user","users.role":"Role","users.display_name":"Display name","users.role.owner":"Owner","users.role.adult":"Adult","users.role.child":"Child","users.role.guest":"Guest","users.grants":"Access","users.grant":"Grant access","users.revoke":"Revoke","users.delete":"Remove user","users.space":"Space","users.rooms":"Rooms (none ticked: the whole space)","users.devices":"Devices (optional)","users.expires":"Expires (optional)","users.whole_space":"whole space","users.until":"until {time}","users.delete_question":"Remove {name}? Their access and sessions end.","users.revoke_question":"Revoke access to {what} for {name}?","users.password_set":"New password set for {name}; their sessions were ended.","users.reset_password":"Set password","users.new_password":"New password","users.no_expiry":"no expiry","settings.title":"Settings","settings.language":"Language","settings.companion":"Use this phone as a companion (location and battery)","settings.companion_hint":"Reports go to your hub only, while the app is open.","settings.push":"Push notifications","settings.push_on":"Enable push","settings.push_done":"Push notifications are on for this browser.","settings.push_unavailable":"Push is not available (the hub or this browser lacks it).","settings.signed_in_as":"Signed in as {name} ({role})","settings.security_notices":"Tell me when a child or guest unlocks a door or opens the garage","users.counts_for_presence":"Their phone counts toward who is home","more.title":"More","error.offline":"The hub cannot be reached. Check the connection and try again.","error.generic":"Something went wrong ({status}).","device.unavailable":"Unavailable","device.stale":"(last known)","device.last_command":"Last command: {who}, {time}","device.favourite":"Favourite","glance.title":"At a glance","glance.people":"At home","glance.nobody":"Nobody","glance.inside":"Inside","glance.doors":"Doors and locks","glance.all_locked":"All locked","glance.unlocked_named":"{names} unlocked","glance.open_count":"{count} open","glance.doors_closed":"Doors closed","glance.secure":"Locked and closed","glance.energy":"Energy today","glance.eta":"{place} in {minutes} min","glance.charging":"Charging","glance.locked":"Locked","glance.unlocked":"Unlocked","glance.open":"Open","glance.closed":"Closed","glance.motion":"Motion now","glance.no_motion":"No motion","glance.on":"On","glance.off":"Off","glance.position":"{value}% open","glance.battery":"Battery {value}%","scenes.title":"Scenes","scenes.done":"{name}: done","scenes.partial":"{name}: {count} not set ({reason})","spaces.favourites":"Favourites","spaces.on_count":"{count} on","spaces.all_off":"All off"},Qs={code:"en",label:"English",server:"en",messages:ls,spec:{}},ei=Object.freeze(Object.defineProperty({__proto__:null,locale:Qs,messages:ls},Symbol.toStringTag,{value:"Module"})),ti=Object.freeze(Object.defineProperty({__proto__:null},Symbol.toStringTag,{value:"Module"})),si={code:"zh-CN",label:"简体中文",server:"zh",messages:{"app.name":"OrbitHub","app.offline":"离线：正在显示已保存的应用；操作需要连接到中枢。","app.live":"实时","app.reconnecting":"正在重新连接…","app.loading":"加载中…","app.retry":"重试","app.close":"关闭","app.save":"保存","app.cancel":"取消","app.none":"这里还没有内容。","app.unavailable":"此中枢不提供该功能。","nav.home":"家居","nav.energy":"能耗","nav.activity":"动态","nav.alerts":"消息","nav.more":"更多","login.title":"登录 OrbitHub","login.username":"用户名","login.password":"密码","login.submit":"登录","login.failed":"登录失败：{message}","onboarding.title":"欢迎！请创建所有者账户","onboarding.intro":"此中枢还没有用户。第一个账户将成为所有者。","onboarding.display_name":"你的名字","onboarding.submit":"创建所有者",logout:"退出登录","spaces.rooms_all":"全部房间","spaces.no_room":"整个空间","spaces.empty":"这里没有你可以查看的设备。","spaces.kind.home":"家","spaces.kind.office":"办公室","spaces.kind.vehicle":"汽车","device.online":"在线","device.offline":"离线","device.read_only":"仅可查看","device.details":"详情","device.confirmed":"{name}：已完成","device.not_confirmed":"{name}：已发送，设备尚未确认","device.not_found":"该设备不存在，或你无权查看。","device.history":"历史记录","device.no_history":"该时间段没有历史记录。","device.back":"返回","device.decrease":"减少","device.increase":"增加","confirm.unlock":"要解锁{name}吗？","confirm.open":"要打开{name}吗？","confirm.disarm":"要撤防{name}吗？","confirm.unlock_button":"解锁","confirm.open_button":"打开","confirm.disarm_button":"撤防","range.hour":"1 小时","range.day":"24 小时","range.week":"7 天","range.month":"30 天","energy.title":"能耗","energy.day":"按日","energy.month":"按月","energy.week":"周","energy.earlier":"更早","energy.later":"更晚","energy.per_day":"每日","energy.by_device":"按设备","energy.by_room":"按房间","energy.total":"合计 {value} {unit}","energy.span":"时段","energy.today":"回到今天","energy.per_hour":"每小时","energy.top":"用电最多","energy.nothing_used":"此时段内没有计量设备用电。","energy.priced_at":"按本家电价计算：{tariff}","energy.no_tariff_title":"未设置电价","energy.no_tariff":"此家庭尚未设置电价，因此只显示用电量，不显示电费。","energy.no_tariff_ask":"家庭的所有者或成人可在此设置电价。","energy.price_per_kwh":"每千瓦时电价（全天同价）","energy.currency":"货币（三个字母，如 CNY、EUR）","energy.set_tariff":"设置电价","energy.flat_tariff":"全天同价","car.title":"汽车","car.battery":"电量","car.range":"续航","car.charging":"充电","car.limit":"充电上限","car.climate":"充电、车内空调与车门","car.location":"位置","car.plan":"充电计划","car.eta":"预计到达","car.home":"家","car.office":"办公室","car.distance":"距家 {km} 公里","car.eta_line":"{place}：{time}（{minutes} 分钟后）","car.settings":"充电设置","car.target":"出发前充到（%）","car.departure":"出发时间","car.settings_hint":"计划在出发前、按电价最便宜的时段充到目标电量；上限是车最多充到的电量（更保护电池）。","car.precondition":"现在预热车厢","car.preconditioning":"车厢正在调到 {temperature} °C。","car.saved":"已保存：车辆已重新规划充电。","car.target_over_limit":"目标（{target}%）高于上限（{limit}%）：请提高上限或降低目标。","car.plan_line":"{time} 前充到 {target}% · {cost}","activity.title":"动态","activity.events":"事件","activity.audit":"审计日志","activity.online":"{device} 已上线","activity.offline":"{device} 已离线","activity.command":"{actor}：{device} · {property} → {value}","activity.command_call":"{actor}：{device} · {property}","activity.on":"开","activity.off":"关","activity.zone_enter":"{device} 进入了 {space}","activity.zone_leave":"{device} 离开了 {space}","activity.arrived":"{person} 到达 {space}","activity.left":"{person} 离开 {space}","activity.automation":"自动化 {id}：{outcome}","activity.event":"{device}：{event}","activity.someone":"有人","assistant.placeholder":"提问或下达指令，例如“打开厨房灯”","assistant.send":"发送","assistant.all":"全部","assistant.cancel":"取消","assistant.choices":"选择一个","notifications.title":"通知","notifications.mark_read":"标为已读","automations.title":"自动化","automations.last_run":"上次运行 {time}：{outcome}","automations.never":"从未运行","automations.why":"为什么？","automations.run":"立即运行","automations.started":"已开始运行。","automations.not_started":"未运行：{reason}","automations.why_none":"最近没有被拦下的触发检查。","automations.enabled":"已启用","automations.disabled":"已停用","insights.suggestions":"建议","insights.alerts":"警报","insights.accept":"采纳","insights.reject":"拒绝","insights.dismiss":"忽略","users.title":"用户与权限","users.create":"添加用户","users.role":"角色","users.display_name":"显示名称","users.role.owner":"所有者","users.role.adult":"成人","users.role.child":"儿童","users.role.guest":"访客","users.grants":"访问权限","users.grant":"授予权限","users.revoke":"撤销","users.delete":"删除用户","users.space":"空间","users.rooms":"房间（不勾选即整个空间）","users.devices":"设备（可选）","users.expires":"到期时间（可选）","users.whole_space":"整个空间","users.until":"至 {time}","users.delete_question":"要移除{name}吗？其权限和登录将全部结束。","users.revoke_question":"要撤销{name}对「{what}」的权限吗？","users.password_set":"已为{name}设置新密码，其登录已全部结束。","users.reset_password":"设置密码","users.new_password":"新密码","users.no_expiry":"不过期","settings.title":"设置","settings.language":"语言","settings.companion":"将此手机用作伴侣设备（位置和电量）","settings.companion_hint":"仅在应用打开时上报，且只发送到你的中枢。","settings.push":"推送通知","settings.push_on":"开启推送","settings.push_done":"此浏览器已开启推送通知。","settings.push_unavailable":"推送不可用（中枢或此浏览器不支持）。","settings.signed_in_as":"当前用户：{name}（{role}）","settings.security_notices":"孩子或访客开锁、打开车库门时通知我","users.counts_for_presence":"其手机计入在家人员","more.title":"更多","error.offline":"无法连接到中枢。请检查网络后重试。","error.generic":"出错了（{status}）。","device.unavailable":"不可用","device.stale":"（最后已知）","device.last_command":"最近一次操作：{who}，{time}","device.favourite":"收藏","glance.title":"概览","glance.people":"在家","glance.nobody":"没有人","glance.inside":"室内","glance.doors":"门和门锁","glance.all_locked":"全部已锁","glance.unlocked_named":"{names}未锁","glance.open_count":"{count} 个开着","glance.doors_closed":"门已关","glance.secure":"已锁好，门已关","glance.energy":"今日用电","glance.eta":"{minutes} 分钟后到{place}","glance.charging":"充电中","glance.locked":"已上锁","glance.unlocked":"未上锁","glance.open":"开着","glance.closed":"关着","glance.motion":"有人移动","glance.no_motion":"无人移动","glance.on":"开","glance.off":"关","glance.position":"开 {value}%","glance.battery":"电量 {value}%","scenes.title":"场景","scenes.done":"{name}：完成","scenes.partial":"{name}：{count} 项未设置（{reason}）","spaces.favourites":"收藏","spaces.on_count":"{count} 个开着","spaces.all_off":"全部关闭"},spec:{on:"开关",brightness:"亮度","color-temperature":"色温",mode:"模式","target-temperature":"目标温度","fan-level":"风速",temperature:"温度","outside-temperature":"车外温度","relative-humidity":"相对湿度","electric-power":"功率","power-consumption":"用电量",voltage:"电压","electric-current":"电流","battery-level":"电量",charging:"充电中","charging-state":"充电状态","charge-limit":"充电上限",range:"续航",speed:"速度",odometer:"里程",latitude:"纬度",longitude:"经度",heading:"方向",locked:"已上锁","door-state":"门状态","operation-method":"开锁方式","motor-control":"电机控制","current-position":"当前位置","target-position":"目标位置",status:"状态","cleaned-area":"清扫面积","max-current":"最大电流",plugged:"已插枪",toggle:"切换","start-sweep":"开始清扫","stop-sweeping":"停止清扫","return-to-dock":"回充","start-charge":"开始充电","stop-charge":"停止充电",Auto:"自动",Cool:"制冷",Dry:"除湿",Heat:"制热",Fan:"送风",Low:"低",Medium:"中",High:"高",Pause:"暂停",Open:"打开",Close:"关闭",Closed:"已关闭",Idle:"空闲",Charging:"充电中",Finished:"已完成",Complete:"已充满",Fault:"故障",Disconnected:"未连接",Plugged:"已插枪",Sweeping:"清扫中",Paused:"已暂停",Error:"错误",Returning:"返回中",Key:"钥匙",App:"应用",Fingerprint:"指纹",Password:"密码","reset-filter-life":"重置滤芯寿命","self-test":"自检",accuracy:"定位精度","at-home":"在家",channel:"频道","contact-state":"门窗关闭","filter-life-level":"滤芯剩余寿命",illumination:"光照度","motion-state":"有人移动",mute:"静音","pm2.5-density":"PM2.5 浓度","smoke-concentration":"烟雾浓度","smoke-detected":"检测到烟雾",ssid:"已连接的 Wi-Fi",volume:"音量",Eco:"节能",Favorite:"最爱","Frost Protection":"防冻",Manual:"手动","No Faults":"无故障","Sensor Fault":"传感器故障",Sleep:"睡眠"}},ii=Object.freeze(Object.defineProperty({__proto__:null,locale:si},Symbol.toStringTag,{value:"Module"})),ni=Object.assign({"./locales/de.ts":Xs,"./locales/en.ts":ei,"./locales/locale.ts":ti,"./locales/zh-CN.ts":ii}),ie=Object.values(ni).map(t=>t.locale).filter(t=>t!==void 0).sort((t,e)=>t.code==="en"?-1:e.code==="en"?1:t.code.localeCompare(e.code)),us=ie.map(({code:t,label:e})=>({code:t,label:e})),ds="orbithub.language",pt=new EventTarget;function gt(t){if(!t)return null;const e=t.toLowerCase(),s=ie.find(n=>n.code.toLowerCase()===e);if(s)return s.code;const i=e.split("-")[0];return ie.find(n=>n.code.toLowerCase().split("-")[0]===i)?.code??null}function ri(){const t=gt(localStorage.getItem(ds));if(t)return t;for(const e of navigator.languages??[navigator.language]){const s=gt(e);if(s)return s}return"en"}let B=ri(),we=ie.find(t=>t.code===B)??ie[0];document.documentElement.lang=B;function T(){return B}function Qe(){return we.server}function hs(t){const e=gt(t);e&&(localStorage.setItem(ds,e),e!==B&&(B=e,we=ie.find(s=>s.code===B)??ie[0],document.documentElement.lang=e,pt.dispatchEvent(new Event("change"))))}function ai(t){return pt.addEventListener("change",t),()=>pt.removeEventListener("change",t)}function o(t,e={}){return we.messages[t].replace(/\{(\w+)\}/g,(i,n)=>String(e[n]??`{${n}}`))}function Re(t,e){return we.spec[t]??we.spec[e]??e}function x(t,e=[]){return we.server!=="zh"?t:e.find(s=>/[\u4e00-\u9fff]/.test(s))??t}const oi={celsius:"°C",percentage:"%",kelvin:"K",watt:"W",kWh:"kWh",volt:"V",ampere:"A",km:"km","km/h":"km/h",meters:"m",m2:"m²",degree:"°"};function Ue(t){return!t||t==="none"?"":oi[t]??t}function K(t,e){const s={month:"short",day:"numeric",hour:"2-digit",minute:"2-digit"};try{return new Date(t*1e3).toLocaleString(B,{...s,timeZone:e})}catch{return new Date(t*1e3).toLocaleString(B,s)}}function w(t,e=1){return t.toLocaleString(B,{maximumFractionDigits:e})}const lt="orbithub.tokens";class G extends Error{constructor(e,s,i,n=null){super(i),this.status=e,this.code=s,this.detail=n}get missing(){return this.status===404||this.status===503}}class ci extends EventTarget{constructor(){super(),this.tokens=null,this.reachable=!0,this.refreshing=null;try{this.tokens=JSON.parse(localStorage.getItem(lt)??"null")}catch{this.tokens=null}}get signedIn(){return this.tokens!==null}get accessToken(){return this.tokens?.access_token??null}keep(e){this.tokens={access_token:e.access_token,refresh_token:e.refresh_token},localStorage.setItem(lt,JSON.stringify(this.tokens)),this.dispatchEvent(new Event("tokens"))}forget(){this.tokens=null,localStorage.removeItem(lt),this.dispatchEvent(new Event("signedout"))}async login(e,s){const i=await this.request("POST","/api/auth/login",{username:e,password:s},!1);return this.keep(i),i.user}async logout(){const e=this.tokens?.refresh_token;e&&await this.request("POST","/api/auth/logout",{refresh_token:e},!1).catch(()=>null),this.forget()}refresh(){if(this.refreshing)return this.refreshing;const e=this.tokens?.refresh_token;return e?(this.refreshing=this.request("POST","/api/auth/refresh",{refresh_token:e},!1).then(s=>(this.keep(s),!0)).catch(s=>(s instanceof G&&s.status!==0&&this.forget(),!1)).finally(()=>{this.refreshing=null}),this.refreshing):Promise.resolve(!1)}get(e){return this.request("GET",e)}async optional(e){try{return await this.get(e)}catch(s){if(s instanceof G&&s.missing)return null;throw s}}async request(e,s,i,n=!0){let r=await this.send(e,s,i,n);if(r.status===401&&n&&await this.refresh()&&(r=await this.send(e,s,i,n)),r.status===401&&n&&this.forget(),!r.ok)throw await li(r);if(r.status===204)return;const a=await r.text();return a?JSON.parse(a):void 0}async send(e,s,i,n){const r={Accept:"application/json","Accept-Language":T()};i!==void 0&&(r["Content-Type"]="application/json"),n&&this.tokens&&(r.Authorization=`Bearer ${this.tokens.access_token}`);try{const a=await fetch(s,{method:e,headers:r,body:i===void 0?void 0:JSON.stringify(i)});return this.setReachable(!0),a}catch{throw this.setReachable(!1),new G(0,"offline",o("error.offline"))}}setReachable(e){e!==this.reachable&&(this.reachable=e,this.dispatchEvent(new Event("reachability")))}}async function li(t){try{const e=await t.json(),s=e.message??(typeof e.detail=="string"?e.detail:null);return new G(t.status,e.code??"error",s??o("error.generic",{status:t.status}),e.detail??null)}catch{return new G(t.status,"error",o("error.generic",{status:t.status}))}}const g=new ci;function b(t){return t instanceof Error?t.message:String(t)}const St="orbithub.cache.";function et(t,e){try{localStorage.setItem(St+t,JSON.stringify(e))}catch{}}function Ne(t){try{return JSON.parse(localStorage.getItem(St+t)??"null")}catch{return null}}function ui(){for(const t of Object.keys(localStorage))t.startsWith(St)&&localStorage.removeItem(t)}const ps="orbithub.companion",tt="orbithub.companion.phone",di=6e4;let Te=null,Bt=0;function gs(){return localStorage.getItem(ps)==="on"}async function hi(t){localStorage.setItem(ps,t?"on":"off"),t?await ms():At()}async function ms(){if(!gs()||Te!==null)return;const t=await gi(),e=await Ft();if(!("geolocation"in navigator)){e&&await ut(t,{battery:e});return}Te=navigator.geolocation.watchPosition(s=>{const i=Date.now();if(i-Bt<di)return;Bt=i;const{latitude:n,longitude:r,accuracy:a,speed:d}=s.coords;Ft().then(l=>ut(t,{location:{latitude:n,longitude:r,accuracy:a,speed:d},...l?{battery:l}:{}}))},()=>{e&&ut(t,{battery:e})},{enableHighAccuracy:!1,maximumAge:6e4})}function pi(){At(),localStorage.removeItem(tt)}function At(){Te!==null&&navigator.geolocation.clearWatch(Te),Te=null}async function gi(){const t=JSON.parse(localStorage.getItem(tt)??"null");if(t)return t;const e=navigator.userAgent.includes("Mobile")?"Phone (web app)":"Browser (web app)",s=await g.request("POST","/api/companion/register",{name:e});return localStorage.setItem(tt,JSON.stringify(s)),s}async function Ft(){const t=navigator;if(!t.getBattery)return null;try{const e=await t.getBattery();return{level:Math.round(e.level*100),charging:e.charging}}catch{return null}}async function ut(t,e){(await fetch("/api/companion/report",{method:"POST",headers:{"Content-Type":"application/json",Authorization:`Bearer ${t.token}`},body:JSON.stringify({...e,time:Date.now()/1e3})}).catch(()=>null))?.status===401&&(localStorage.removeItem(tt),At())}const fs="orbithub.favourites.",st=new EventTarget;let Me="";function Vt(t){Me=t,st.dispatchEvent(new Event("change"))}function Et(){if(!Me)return[];try{const t=JSON.parse(localStorage.getItem(fs+Me)??"[]");return Array.isArray(t)?t.filter(e=>typeof e=="string"):[]}catch{return[]}}function Zt(t){return Et().includes(t)}function mi(t,e){if(!Me)return;const s=Et().filter(i=>i!==t);e&&s.push(t);try{localStorage.setItem(fs+Me,JSON.stringify(s))}catch{}st.dispatchEvent(new Event("change"))}function vs(t){return st.addEventListener("change",t),()=>st.removeEventListener("change",t)}class fi extends EventTarget{constructor(){super(...arguments),this.devices=new Map,this.specs=new Map}get(e){return this.devices.get(e)}all(){return[...this.devices.values()]}put(e){for(const s of e){const i=this.devices.get(s.id);this.devices.set(s.id,{...s,spec:s.spec??i?.spec}),s.spec&&this.specs.set(s.id,Promise.resolve(s.spec))}this.changed()}setValue(e,s,i,n){const r=this.devices.get(e);if(!r)return;const a={...r.state,[s]:{...r.state[s],value:i,last_changed:n}};this.devices.set(e,{...r,state:a}),this.changed()}setOnline(e,s){const i=this.devices.get(e);i&&(this.devices.set(e,{...i,online:s}),this.changed())}spec(e){let s=this.specs.get(e);return s||(s=g.get(`/api/devices/${encodeURIComponent(e)}`).then(i=>(this.put([i]),i.spec??null)).catch(()=>(this.specs.delete(e),null)),this.specs.set(e,s)),s}clear(){this.devices.clear(),this.specs.clear(),this.changed()}changed(){this.dispatchEvent(new Event("change"))}}const y=new fi,vi=500,yi=3e4,bi=new Set([1008,4001,4401,4403]);class $i extends EventTarget{constructor(){super(),this.status="offline",this.socket=null,this.subscription={},this.lastSeq=null,this.epoch=null,this.attempts=0,this.running=!1,g.addEventListener("tokens",()=>{const e=g.accessToken;e&&this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"auth",token:e}))})}start(){this.running||(this.running=!0,this.connect())}stop(){this.running=!1,window.clearTimeout(this.timer),this.socket?.close(1e3),this.socket=null,this.lastSeq=null,this.epoch=null,this.setStatus("offline")}follow(e){const s=JSON.stringify(e)===JSON.stringify(this.subscription);this.subscription=e,s||(this.lastSeq=null,this.sendSubscribe())}connect(){const e=g.accessToken;if(!this.running||!e)return;this.setStatus("connecting");const s=location.protocol==="https:"?"wss":"ws",i=new WebSocket(`${s}://${location.host}/api/ws`);this.socket=i,i.onopen=()=>{i.send(JSON.stringify({type:"auth",token:e})),this.sendSubscribe()},i.onmessage=n=>{let r;try{r=JSON.parse(String(n.data))}catch{return}this.attempts=0,this.setStatus("live"),this.handle(r)},i.onclose=n=>{this.socket===i&&(this.socket=null,this.setStatus("offline"),this.running&&(bi.has(n.code)?g.refresh().then(r=>r&&this.schedule()):this.schedule()))}}schedule(){const e=Math.min(yi,vi*2**this.attempts);this.attempts+=1,window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>this.connect(),e/2+Math.random()*(e/2))}sendSubscribe(){this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"subscribe",spaces:this.subscription.spaces??[],rooms:this.subscription.rooms??[],devices:this.subscription.devices??[],since_seq:this.lastSeq,epoch:this.lastSeq===null?null:this.epoch}))}handle(e){switch(typeof e.epoch=="string"&&e.epoch!==this.epoch&&(this.epoch=e.epoch,this.lastSeq=null),typeof e.seq=="number"&&(this.lastSeq=Math.max(this.lastSeq??0,e.seq)),e.type){case"snapshot":typeof e.seq=="number"&&(this.lastSeq=e.seq),y.put(e.devices);break;case"changed":{const s=e;y.setValue(s.device_id,s.path,s.value,s.time);break}case"online":{const s=e;y.setOnline(s.device_id,s.online);break}case"resync":this.lastSeq=null;break}this.dispatchEvent(new CustomEvent("message",{detail:e}))}setStatus(e){e!==this.status&&(this.status=e,this.dispatchEvent(new Event("status")))}}const O=new $i;class wi extends EventTarget{constructor(){super(),this.wasLive=!1,this.last=!1;const e=()=>this.check();window.addEventListener("online",e),window.addEventListener("offline",e),g.addEventListener("reachability",e),g.addEventListener("signedout",()=>{this.wasLive=!1,this.check()}),O.addEventListener("status",()=>{O.status==="live"&&(this.wasLive=!0,g.setReachable(!0)),this.check()})}get stale(){return!navigator.onLine||!g.reachable||this.wasLive&&O.status!=="live"}check(){const e=this.stale;e!==this.last&&(this.last=e,this.dispatchEvent(new Event("change")))}}const ye=new wi;class E extends Oe{constructor(){super(...arguments),this.watchesDevices=!1,this.stopLanguage=null,this.onStore=()=>this.requestUpdate()}connectedCallback(){super.connectedCallback(),this.stopLanguage=ai(()=>this.requestUpdate()),this.watchesDevices&&(y.addEventListener("change",this.onStore),ye.addEventListener("change",this.onStore))}disconnectedCallback(){super.disconnectedCallback(),this.stopLanguage?.(),y.removeEventListener("change",this.onStore),ye.removeEventListener("change",this.onStore)}}const C=P`
  :host {
    display: block;
    color: var(--fg);
    font: inherit;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.2;
  }
  h1 {
    font-size: 1.35rem;
  }
  h2 {
    font-size: 1.1rem;
  }
  h3 {
    font-size: 1rem;
  }
  .card {
    background: var(--card);
    border-radius: 14px;
    padding: 0.85rem 1rem;
    margin: 0 0 0.75rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .between {
    justify-content: space-between;
  }
  .muted {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .error {
    color: var(--danger);
    font-size: 0.9rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    border: 0;
    border-radius: 10px;
    padding: 0.55rem 0.9rem;
    background: var(--chip);
    cursor: pointer;
    min-height: 40px;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input[type='text'],
  input[type='password'],
  input[type='datetime-local'],
  select {
    width: 100%;
    padding: 0.6rem 0.7rem;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--bg);
    min-height: 44px;
  }
  label {
    display: block;
    margin: 0.5rem 0;
  }
  .chips {
    display: flex;
    gap: 0.4rem;
    overflow-x: auto;
    padding-bottom: 0.5rem;
    scrollbar-width: none;
  }
  .chips button {
    white-space: nowrap;
    border-radius: 999px;
  }
  .chips button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--line);
  }
`;var _i=Object.defineProperty,ki=Object.getOwnPropertyDescriptor,at=(t,e,s,i)=>{for(var n=i>1?void 0:i?ki(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&_i(e,s,n),n};let _e=class extends E{constructor(){super(...arguments),this.onboarding=null,this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),g.get("/api/onboarding").then(t=>this.onboarding=t.needed,t=>{this.onboarding=!1,this.error=b(t)})}render(){const t=this.onboarding===!0;return c`
      <section class="card">
        <h1>${o(t?"onboarding.title":"login.title")}</h1>
        ${t?c`<p>${o("onboarding.intro")}</p>`:u}
        <form @submit=${this.submit}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${t?c`<label>${o("onboarding.display_name")}<input type="text" name="display_name" autocomplete="name" /></label>`:u}
          <label>${o("login.password")}
            <input type="password" name="password" required autocomplete=${t?"new-password":"current-password"} /></label>
          <button class="primary" ?disabled=${this.busy||this.onboarding===null}>
            ${o(t?"onboarding.submit":"login.submit")}</button>
        </form>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        <label>${o("settings.language")}
          <select @change=${e=>hs(e.target.value)}>
            ${us.map(e=>c`<option value=${e.code} ?selected=${e.code===T()}>${e.label}</option>`)}
          </select>
        </label>
      </section>
    `}async submit(t){t.preventDefault();const e=new FormData(t.target),s=String(e.get("username")??"").trim(),i=String(e.get("password")??"");this.busy=!0,this.error="";try{if(this.onboarding){const n=await g.request("POST","/api/onboarding",{username:s,password:i,display_name:String(e.get("display_name")||s),language:T()},!1);g.keep(n)}else await g.login(s,i);this.dispatchEvent(new CustomEvent("signedin",{bubbles:!0,composed:!0}))}catch(n){this.error=o("login.failed",{message:b(n)})}finally{this.busy=!1}}};_e.styles=[C,P`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];at([p()],_e.prototype,"onboarding",2);at([p()],_e.prototype,"error",2);at([p()],_e.prototype,"busy",2);_e=at([A("orbit-login")],_e);const xi=["temperature-humidity-sensor.temperature","environment.temperature"],Si=["temperature-humidity-sensor.relative-humidity","environment.relative-humidity"];function H(t,e){return t.state[e]?.value}function ys(t,e){for(const s of e){const i=H(t,s);if(typeof i=="number")return i}return null}function be(t){return ys(t,xi)}function bs(t){return ys(t,Si)}function Ct(t){for(const[e,s]of Object.entries(t.state))if(e.endsWith(".on")&&typeof s.value=="boolean")return s.value;return null}function mt(t){const e=H(t,"lock.locked");return typeof e=="boolean"?e:null}function ft(t){const e=H(t,"magnet-sensor.contact-state");return typeof e=="boolean"?!e:null}function $s(t){if(!t.online)return o("device.unavailable");const e=mt(t);if(e!==null)return o(e?"glance.locked":"glance.unlocked");const s=ft(t);if(s!==null)return o(s?"glance.open":"glance.closed");const i=H(t,"motion-sensor.motion-state");if(typeof i=="boolean")return o(i?"glance.motion":"glance.no_motion");const n=[],r=Ct(t);r!==null&&n.push(o(r?"glance.on":"glance.off"));const a=H(t,"light.brightness");r&&typeof a=="number"&&n.push(`${w(a,0)}%`);const d=H(t,"curtain.current-position");typeof d=="number"&&n.push(o("glance.position",{value:w(d,0)}));const l=be(t);l!==null&&n.push(`${w(l,1)}°C`);const h=bs(t);h!==null&&r===null&&n.push(`${w(h,0)}%`);const m=H(t,"environment.pm2.5-density");typeof m=="number"&&n.push(`PM2.5 ${w(m,0)}`);const f=H(t,"battery.battery-level");n.length===0&&typeof f=="number"&&n.push(o("glance.battery",{value:w(f,0)}));const v=H(t,"power-meter.electric-power");return typeof v=="number"&&v>=1&&n.push(v>=1e3?`${w(v/1e3,1)} kW`:`${w(v,0)} W`),n.join(" · ")}const me={ATTRIBUTE:1,PROPERTY:3,BOOLEAN_ATTRIBUTE:4},Ai=t=>(...e)=>({_$litDirective$:t,values:e});class Ei{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,s,i){this._$Ct=e,this._$AM=s,this._$Ci=i}_$AS(e,s){return this.update(e,s)}update(e,s){return this.render(...s)}}const Ci=t=>t.strings===void 0,Pi={},Oi=(t,e=Pi)=>t._$AH=e;const Wt=Ai(class extends Ei{constructor(t){if(super(t),t.type!==me.PROPERTY&&t.type!==me.ATTRIBUTE&&t.type!==me.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Ci(t))throw Error("`live` bindings can only contain a single expression")}render(t){return t}update(t,[e]){if(e===M||e===u)return e;const s=t.element,i=t.name;if(t.type===me.PROPERTY){if(e===s[i])return M}else if(t.type===me.BOOLEAN_ATTRIBUTE){if(!!e===s.hasAttribute(i))return M}else if(t.type===me.ATTRIBUTE&&s.getAttribute(i)===e+"")return M;return Oi(t),e}}),Ti=new Set(["int8","int16","int32","int64","uint8","uint16","uint32","uint64","float"]);function ws(t){const e=[];for(const s of t.services)for(const i of s.properties){const n=Ii(i);n&&e.push(n)}for(const s of t.services)for(const i of s.actions)i.in.length===0&&e.push({kind:"action",action:i});return e}function Ii(t){const e=t.access.includes("write"),s=t.access.includes("read");if(e&&t.values&&t.values.length>0)return{kind:"choice",prop:t,options:t.values};if(e&&t.format==="bool")return{kind:"toggle",prop:t};if(e&&Ti.has(t.format)&&t.range){const[i,n,r]=t.range;return{kind:"slider",prop:t,min:i,max:n,step:r>0?r:1}}return s?{kind:"readout",prop:t}:null}function Li(t){const e=ws(t).filter(s=>s.kind==="toggle").map(s=>s.prop);return e.find(s=>s.name==="on")??e[0]??null}function Ie(t){return Re(t.name,t.description||t.name)}function ve(t,e){if(e==null)return"–";if(t.values){const s=t.values.find(i=>i.value===e);if(s)return Re(s.description,s.description)}if(typeof e=="boolean")return e?"✓":"✗";if(typeof e=="number"){const s=t.range?.[2]??.1,i=s>=1?0:Math.min(6,Math.ceil(-Math.log10(s))),n=Ue(t.unit);return`${w(e,i)}${n&&n!=="%"&&n!=="°C"&&n!=="°"?" ":""}${n}`}return String(e)}function dt(t,e,s,i){const n=e+Math.round((t-e)/i)*i,r=Math.min(s,Math.max(e,n));return Number(r.toFixed(6))}var zi=Object.defineProperty,Di=Object.getOwnPropertyDescriptor,Z=(t,e,s,i)=>{for(var n=i>1?void 0:i?Di(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&zi(e,s,n),n};let R=class extends E{constructor(){super(...arguments),this.deviceId="",this.full=!1,this.tile=!1,this.spec=null,this.pending=null,this.error="",this.note="",this.confirming=null,this.watchesDevices=!0}willUpdate(t){t.has("deviceId")&&(this.spec=y.get(this.deviceId)?.spec??null,this.spec||y.spec(this.deviceId).then(e=>this.spec=e))}render(){const t=y.get(this.deviceId);if(!t)return u;const e=this.spec,s=e?Li(e):null;if(this.tile)return this.renderTile(t,s);const i=e?ws(e).filter(a=>!(a.kind==="toggle"&&a.prop===s)):[],n=this.full?i:i.filter(a=>(a.kind!=="readout"||Ni(a.prop))&&!(a.kind==="action"&&s&&a.action.name==="toggle")),r=x(t.name,t.aliases);return c`
      <section class="card ${this.pending?"busy":""}" data-device=${t.id} aria-label=${r}>
        <header>
          <span class="dot ${t.online?"":"off"}" title=${o(t.online?"device.online":"device.offline")}></span>
          <a href="#/device/${encodeURIComponent(t.id)}">
            <strong>${r}</strong>
            <span class="muted">${t.online?"":o("device.offline")}${t.controllable?"":` ${o("device.read_only")}`}${ye.stale?` ${o("device.stale")}`:""}</span>
          </a>
          ${s?this.toggle(t,s,r):u}
        </header>
        ${n.filter(a=>a.kind!=="action").map(a=>this.control(t,a))}
        ${this.actions(t,n)}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        ${this.note?c`<p class="muted" role="status">${this.note}</p>`:u}
        ${this.confirming?this.confirmation(this.confirming,r):u}
      </section>
    `}renderTile(t,e){const s=x(t.name,t.aliases),i=[t.controllable?"":o("device.read_only"),ye.stale?o("device.stale"):""],n=[$s(t),...i].filter(a=>a).join(" · "),r=`${t.online?Ct(t)?"on":"":"unavailable"} ${ye.stale?"stale":""}`;return c`<section class="tile ${r} ${this.pending?"busy":""}" data-device=${t.id} aria-label=${s}>
      <a href="#/device/${encodeURIComponent(t.id)}">
        <strong>${s}</strong>
        <span class="line" data-line>${n}</span>
      </a>
      ${e?this.toggle(t,e,s):u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.note?c`<p class="muted note" role="status">${this.note}</p>`:u}
      ${this.confirming?this.confirmation(this.confirming,s):u}
    </section>`}confirmation(t,e){const s=o(Ri[t.verb],{name:e});return c`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${s}
      @keydown=${i=>i.key==="Escape"&&this.cancelConfirmation()}>
      <div>
        <p>${s}</p>
        <div class="row">
          <button @click=${()=>this.cancelConfirmation()}>${o("app.cancel")}</button>
          <button class="danger" autofocus @click=${()=>this.confirmCommand(t)}>${o(Ui[t.verb])}</button>
        </div>
      </div>
    </div>`}updated(){this.confirming&&this.renderRoot.querySelector(".confirm .danger")?.focus()}cancelConfirmation(){this.confirming=null}async confirmCommand(t){this.confirming=null,await this.run(t.key,t.device,()=>t.send(!0))}toggle(t,e,s){const i=t.state[e.path]?.value===!0;return c`<button
      role="switch"
      aria-checked=${i?"true":"false"}
      aria-label="${s}: ${Ie(e)}"
      data-path=${e.path}
      ?disabled=${!ht(t)||this.pending===e.path}
      @click=${()=>this.write(t,e,!i)}
    ></button>`}control(t,e){if(e.kind==="action")return u;const s=e.prop,i=t.state[s.path]?.value,n=Ie(s),r=!ht(t)||this.pending===s.path;switch(e.kind){case"toggle":return c`<div class="control"><div class="row">
          <span>${n}</span>${this.toggle(t,s,n)}
        </div></div>`;case"slider":{const a=typeof i=="number"?i:e.min,{min:d,max:l,step:h}=e;return c`<div class="control" data-path=${s.path}>
          <div class="row"><span>${n}</span><span class="value">${ve(s,i)}</span></div>
          <div class="row">
            <button class="step" aria-label="${n}: ${o("device.decrease")}" ?disabled=${r||a<=d}
              @click=${()=>this.write(t,s,dt(a-h,d,l,h))}>−</button>
            <input type="range" min=${d} max=${l} step=${h} .value=${Wt(String(a))}
              aria-label=${n} aria-valuetext=${ve(s,i)} ?disabled=${r}
              @change=${m=>this.write(t,s,dt(Number(m.target.value),d,l,h))} />
            <button class="step" aria-label="${n}: ${o("device.increase")}" ?disabled=${r||a>=l}
              @click=${()=>this.write(t,s,dt(a+h,d,l,h))}>+</button>
          </div>
          ${this.full?c`<div class="row between muted"><span>${d}${Ue(s.unit)}</span><span>${l}${Ue(s.unit)}</span></div>`:u}
        </div>`}case"choice":return e.options.length>5?c`<div class="control" data-path=${s.path}><label>${n}
            <select ?disabled=${r} .value=${Wt(String(i??""))}
              @change=${a=>this.write(t,s,Number(a.target.value))}>
              ${e.options.map(a=>c`<option value=${a.value}>${ve(s,a.value)}</option>`)}
            </select></label></div>`:c`<div class="control" data-path=${s.path}><span>${n}</span>
          <div class="segments" role="group" aria-label=${n}>
            ${e.options.map(a=>c`<button aria-pressed=${a.value===i?"true":"false"} ?disabled=${r}
                @click=${()=>this.write(t,s,a.value)}>${ve(s,a.value)}</button>`)}
          </div></div>`;case"readout":return c`<div class="control row between" data-path=${s.path}>
          <span class="muted">${n}</span><span class="value">${ve(s,i)}</span>
        </div>`}}actions(t,e){const s=e.filter(i=>i.kind==="action");return s.length===0?u:c`<div class="actions">
      ${s.map(({action:i})=>c`<button ?disabled=${!ht(t)||this.pending===i.path}
          @click=${()=>this.call(t,i)}>${Ie(i)}</button>`)}
    </div>`}async write(t,e,s){const i=`/api/devices/${encodeURIComponent(t.id)}/properties/${encodeURIComponent(e.path)}`,n=async r=>{const a=await g.request("PUT",i,r?{value:s,confirm:r}:{value:s});return a.confirmed&&y.setValue(t.id,e.path,a.value??s),a};await this.run(e.path,t,()=>n(!1),{verb:Gt(e.name,s),send:n})}async call(t,e){const s=`/api/devices/${encodeURIComponent(t.id)}/actions/${encodeURIComponent(e.path)}`,i=n=>g.request("POST",s,n?{arguments:{},confirm:n}:{arguments:{}});await this.run(e.path,t,()=>i(!1),{verb:Gt(e.name,null),send:i})}async run(t,e,s,i){this.pending=t,this.error="",this.note="";try{const n=await s();n.confirmed||(this.note=n.message||o("device.not_confirmed",{name:e.name}))}catch(n){i&&n instanceof G&&n.status===409&&n.code==="confirmation_required"?this.confirming={key:t,device:e,...i}:(this.error=b(n),this.requestUpdate())}finally{this.pending=null}}};R.styles=[C,P`
      .card {
        margin: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      header a {
        flex: 1;
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      header strong {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--ok);
        flex: none;
      }
      .dot.off {
        background: var(--danger);
      }
      .control {
        margin-top: 0.6rem;
      }
      .control > .row {
        justify-content: space-between;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        position: relative;
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--accent);
        min-height: 36px;
      }
      .step {
        min-width: 40px;
        padding: 0.3rem;
      }
      .segments {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.3rem;
      }
      .segments button {
        flex: 1;
        min-height: 36px;
        padding: 0.3rem 0.5rem;
      }
      .segments button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.6rem;
      }
      .busy {
        opacity: 0.6;
      }
      .tile {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        background: var(--card);
        border-radius: 14px;
        padding: 0.5rem 0.55rem 0.5rem 0.75rem;
        min-height: 64px;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .tile.on {
        background: var(--tile-on, #fff6dc);
      }
      .tile.stale {
        opacity: 0.75;
      }
      .tile.unavailable {
        opacity: 0.6;
        background: var(--chip);
      }
      .tile a {
        flex: 1;
        min-width: 0;
        color: inherit;
        text-decoration: none;
      }
      .tile strong {
        display: block;
        font-size: 0.9rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile .line {
        display: block;
        font-size: 0.78rem;
        color: var(--muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile [role='switch'] {
        width: 44px;
        min-height: 26px;
        height: 26px;
      }
      .tile [role='switch']::after {
        width: 20px;
        height: 20px;
      }
      .tile [role='switch'][aria-checked='true']::after {
        transform: translateX(18px);
      }
      .tile .error,
      .tile .note {
        position: absolute;
        left: 0.5rem;
        right: 0.5rem;
        top: 100%;
        z-index: 1;
        margin: 0.2rem 0 0;
        background: var(--card);
        border-radius: 8px;
        padding: 0.3rem 0.5rem;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        font-size: 0.8rem;
      }
      :host([tile]) {
        position: relative;
      }
      .confirm {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: flex;
        align-items: center;
        justify-content: center;
        padding: 1rem;
        background: rgb(0 0 0 / 45%);
      }
      .confirm > div {
        background: var(--card, #fff);
        color: inherit;
        border-radius: 12px;
        padding: 1.2rem;
        max-width: 22rem;
        width: 100%;
        box-shadow: 0 8px 30px rgb(0 0 0 / 30%);
      }
      .confirm p {
        margin: 0 0 1rem;
        font-size: 1.1rem;
      }
      .confirm .row {
        justify-content: flex-end;
        gap: 0.5rem;
      }
      .confirm .danger {
        background: var(--danger);
        color: #fff;
      }
    `];Z([$({attribute:"device-id"})],R.prototype,"deviceId",2);Z([$({type:Boolean})],R.prototype,"full",2);Z([$({type:Boolean,reflect:!0})],R.prototype,"tile",2);Z([p()],R.prototype,"spec",2);Z([p()],R.prototype,"pending",2);Z([p()],R.prototype,"error",2);Z([p()],R.prototype,"note",2);Z([p()],R.prototype,"confirming",2);R=Z([A("orbit-device-card")],R);const Ri={unlock:"confirm.unlock",open:"confirm.open",disarm:"confirm.disarm"},Ui={unlock:"confirm.unlock_button",open:"confirm.open_button",disarm:"confirm.disarm_button"};function Gt(t,e){return t==="locked"||t.includes("lock")?"unlock":t.includes("arm")||typeof e=="string"&&e.includes("disarm")?"disarm":"open"}function Ni(t){return["temperature","relative-humidity","battery-level","electric-power","current-position","status","charging-state","range","door-state"].includes(t.name)}function ht(t){return t.controllable&&t.online&&!ye.stale}let vt=0,_s=0;function ks(t){Number.isFinite(t)&&(vt=t,_s=Date.now()/1e3)}function Kt(){return vt===0?Date.now()/1e3:vt+(Date.now()/1e3-_s)}var Mi=Object.defineProperty,ji=Object.getOwnPropertyDescriptor,qe=(t,e,s,i)=>{for(var n=i>1?void 0:i?ji(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Mi(e,s,n),n};let ne=class extends E{constructor(){super(...arguments),this.spaceId="",this.summary=null,this.presence=null,this.car=null,this.watchesDevices=!0}willUpdate(t){t.has("spaceId")&&this.spaceId&&this.load()}async load(){const t=encodeURIComponent(this.spaceId),[e,s,i]=await Promise.all([g.get(`/api/summary?space_id=${t}`).catch(()=>Ne(`summary.${this.spaceId}`)),g.get("/api/presence").catch(()=>null),g.get("/api/vehicles").catch(()=>null)]);e&&(ks(e.now),et(`summary.${this.spaceId}`,e)),this.summary=e,this.presence=s,this.car=i?.[0]??null}render(){const t=y.all().filter(e=>e.space_id===this.spaceId);return c`<div class="glance" role="group" aria-label=${o("glance.title")} data-summary>
      ${this.people()} ${this.climate(t)} ${this.security(t)} ${this.energy()} ${this.vehicle()}
    </div>`}people(){const t=this.presence?.find(s=>s.space_id===this.spaceId);if(!t)return u;const e=t.people.map(s=>s.person.charAt(0).toUpperCase()+s.person.slice(1));return c`<div class="item" data-glance="people">
      <span>${o("glance.people")}</span><b>${e.length?e.join(", "):o("glance.nobody")}</b>
    </div>`}climate(t){const e=t.filter(d=>d.online&&d.type.includes("sensor")&&be(d)!==null),s=e.length?e:t.filter(d=>d.online&&be(d)!==null);if(s.length===0)return u;const i=d=>d.reduce((l,h)=>l+h,0)/d.length,n=i(s.map(d=>be(d)??0)),r=s.map(bs).filter(d=>d!==null),a=`${w(n,1)}°C${r.length?` · ${w(i(r),0)}%`:""}`;return c`<div class="item" data-glance="climate"><span>${o("glance.inside")}</span><b>${a}</b></div>`}security(t){const e=t.filter(d=>mt(d)!==null),s=t.filter(d=>ft(d)!==null);if(e.length===0&&s.length===0)return u;const i=e.filter(d=>mt(d)===!1),n=s.filter(d=>ft(d)===!0),r=[];i.length===0&&n.length===0?r.push(o(e.length?"glance.secure":"glance.doors_closed")):i.length?r.push(o("glance.unlocked_named",{names:i.map(d=>x(d.name,d.aliases)).join(", ")})):e.length&&r.push(o("glance.all_locked")),n.length&&r.push(o("glance.open_count",{count:n.length}));const a=i.length>0||n.length>0;return c`<div class="item ${a?"alert":""}" data-glance="security">
      <span>${o("glance.doors")}</span><b>${r.join(" · ")}</b>
    </div>`}energy(){const t=this.summary?.energy;if(!t)return u;let e=`${w(t.kwh,1)} kWh`;return t.cost!==null&&t.currency&&(e+=` · ${t.cost.toLocaleString(T(),{style:"currency",currency:t.currency})}`),c`<a class="item" href="#/energy" data-glance="energy"><span>${o("glance.energy")}</span><b>${e}</b></a>`}vehicle(){const t=this.car;if(!t||t.battery===null)return u;const e=[`${w(t.battery,0)}%`],s=t.places.find(i=>i.eta&&!i.inside);return s?.eta?e.push(o("glance.eta",{place:x(s.name),minutes:Math.max(1,Math.round(s.eta.seconds/60))})):t.charging.state==="charging"&&e.push(o("glance.charging")),c`<a class="item" href="#/space/${encodeURIComponent(t.id)}" data-glance="car">
      <span>${o("car.title")}</span><b>${e.join(" · ")}</b>
    </a>`}};ne.styles=[C,P`
      .glance {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 0.4rem;
        margin-bottom: 0.6rem;
      }
      .item {
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.6rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      .item span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
      }
      .item b {
        display: block;
        font-weight: 600;
        font-size: 0.92rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .alert b {
        color: var(--danger);
      }
    `];qe([$({attribute:"space-id"})],ne.prototype,"spaceId",2);qe([p()],ne.prototype,"summary",2);qe([p()],ne.prototype,"presence",2);qe([p()],ne.prototype,"car",2);ne=qe([A("orbit-home-summary")],ne);var qi=Object.defineProperty,Hi=Object.getOwnPropertyDescriptor,xe=(t,e,s,i)=>{for(var n=i>1?void 0:i?Hi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&qi(e,s,n),n};let J=class extends E{constructor(){super(...arguments),this.spaceId="",this.scenes=[],this.busy="",this.message="",this.error="",this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),g.get("/api/scenes").then(t=>this.scenes=t).catch(()=>null)}render(){const t=this.scenes.filter(e=>e.devices.some(s=>y.get(s)?.space_id===this.spaceId));return t.length===0?u:c`<div class="chips" role="group" aria-label=${o("scenes.title")}>
        ${t.map(e=>c`<button data-scene=${e.id} ?disabled=${this.busy!==""} @click=${()=>this.activate(e)}>
            ${x(e.name,e.aliases)}</button>`)}
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}`}async activate(t){this.busy=t.id,this.message="",this.error="";const e=x(t.name,t.aliases);try{const s=await g.request("POST",`/api/scenes/${encodeURIComponent(t.id)}/activate`);s.failed.length===0?this.message=o("scenes.done",{name:e}):this.error=o("scenes.partial",{name:e,count:s.failed.length,reason:s.failed[0].message})}catch(s){this.error=b(s)}finally{this.busy=""}}};J.styles=[C,P`
      .chips {
        padding-bottom: 0.4rem;
      }
      .chips button {
        background: var(--card);
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      p {
        margin: 0 0 0.4rem;
      }
    `];xe([$({attribute:"space-id"})],J.prototype,"spaceId",2);xe([p()],J.prototype,"scenes",2);xe([p()],J.prototype,"busy",2);xe([p()],J.prototype,"message",2);xe([p()],J.prototype,"error",2);J=xe([A("orbit-scene-bar")],J);var Bi=Object.defineProperty,Fi=Object.getOwnPropertyDescriptor,Se=(t,e,s,i)=>{for(var n=i>1?void 0:i?Fi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Bi(e,s,n),n};let Jt=!1,Y=class extends E{constructor(){super(...arguments),this.spaceId="",this.roomId="",this.answer=null,this.error="",this.busy=!1}render(){return Jt?u:c`
      <form @submit=${this.ask}>
        <input type="text" name="text" enterkeyhint="send" autocomplete="off"
          aria-label=${o("assistant.send")} placeholder=${o("assistant.placeholder")} />
        <button class="primary" ?disabled=${this.busy}>${o("assistant.send")}</button>
      </form>
      ${this.answer?c`<div class="card" role="status" data-answer>
            <p>${this.answer.answer}</p>
            ${this.answer.needs_clarification&&this.answer.choices?.length?c`<div class="chips" role="group" aria-label=${o("assistant.choices")}>
                  ${this.answer.choices.map(t=>c`<button type="button" data-choice=${t.id} ?disabled=${this.busy}
                      @click=${()=>this.choose(t.id)}>${t.label??t.name??t.id}</button>`)}
                  ${this.answer.choices.length>1?c`<button type="button" data-choice="all" ?disabled=${this.busy}
                        @click=${()=>this.choose("all")}>${o("assistant.all")}</button>`:u}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${()=>this.choose("cancel")}>${o("assistant.cancel")}</button>
                </div>`:u}
          </div>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
    `}async choose(t){this.busy=!0,this.error="";try{this.answer=await g.request("POST","/api/assistant/choose",{choice:t,language:T()})}catch(e){this.error=b(e)}finally{this.busy=!1}}async ask(t){t.preventDefault();const s=t.target.elements.namedItem("text"),i=s.value.trim();if(i){this.busy=!0,this.error="";try{const n={...this.spaceId?{space_id:this.spaceId}:{},...this.roomId?{room_id:this.roomId}:{}};this.answer=await g.request("POST","/api/assistant/ask",{text:i,language:T(),...n}),s.value=""}catch(n){n instanceof G&&n.missing?(Jt=!0,this.requestUpdate()):this.error=b(n)}finally{this.busy=!1}}}};Y.styles=[C,P`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `];Se([$({attribute:!1})],Y.prototype,"spaceId",2);Se([$({attribute:!1})],Y.prototype,"roomId",2);Se([p()],Y.prototype,"answer",2);Se([p()],Y.prototype,"error",2);Se([p()],Y.prototype,"busy",2);Y=Se([A("orbit-assistant-box")],Y);const Vi=(function(){const e=typeof document<"u"&&document.createElement("link").relList;return e&&e.supports&&e.supports("modulepreload")?"modulepreload":"preload"})(),Zi=function(t){return"/"+t},Yt={},it=function(e,s,i){let n=Promise.resolve();if(s&&s.length>0){let h=function(m){return Promise.all(m.map(f=>Promise.resolve(f).then(v=>({status:"fulfilled",value:v}),v=>({status:"rejected",reason:v}))))};var a=h;document.getElementsByTagName("link");const d=document.querySelector("meta[property=csp-nonce]"),l=d?.nonce||d?.getAttribute("nonce");n=h(s.map(m=>{if(m=Zi(m),m in Yt)return;Yt[m]=!0;const f=m.endsWith(".css"),v=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${m}"]${v}`))return;const _=document.createElement("link");if(_.rel=f?"stylesheet":Vi,f||(_.as="script"),_.crossOrigin="",_.href=m,l&&_.setAttribute("nonce",l),document.head.appendChild(_),f)return new Promise((I,S)=>{_.addEventListener("load",I),_.addEventListener("error",()=>S(new Error(`Unable to preload CSS for ${m}`)))})}))}function r(d){const l=new Event("vite:preloadError",{cancelable:!0});if(l.payload=d,window.dispatchEvent(l),!l.defaultPrevented)throw d}return n.then(d=>{for(const l of d||[])l.status==="rejected"&&r(l.reason);return e().catch(r)})};var Wi=Object.defineProperty,Gi=Object.getOwnPropertyDescriptor,He=(t,e,s,i)=>{for(var n=i>1?void 0:i?Gi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Wi(e,s,n),n};const Ki="https://tile.openstreetmap.org/{z}/{x}/{y}.png",Ji='© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';let re=class extends E{constructor(){super(...arguments),this.vehicleId="",this.spaces=[],this.latitude=0,this.longitude=0,this.map=null,this.car=null,this.track=null}render(){return c`<div class="map" data-map role="region" aria-label=${o("car.location")}></div>`}disconnectedCallback(){super.disconnectedCallback(),this.map?.remove(),this.map=null}async firstUpdated(){const t=this.renderRoot.querySelector(".map");if(!t)return;const e=await it(()=>import("./leaflet-src-Byf149Wh.js").then(h=>h.l),[]),s=document.createElement("style");s.textContent=(await it(async()=>{const{default:h}=await import("./leaflet-xBcqXExc.js");return{default:h}},[])).default,this.renderRoot.appendChild(s);const i=e.map(t,{attributionControl:!0}).setView([this.latitude,this.longitude],13);this.map=i;let n=0,r=0;e.tileLayer(Ki,{maxZoom:19,attribution:Ji}).on("tileload",()=>n+=1).on("tileerror",()=>{r+=1,n===0&&r>=2&&this.dispatchEvent(new Event("failed"))}).addTo(i);const a=e.latLngBounds([[this.latitude,this.longitude]]);for(const h of this.spaces)h.kind==="vehicle"||h.latitude===null||h.longitude===null||(a.extend([h.latitude,h.longitude]),e.circle([h.latitude,h.longitude],{radius:h.radius_m,color:"#1f6cc7",weight:2}).bindTooltip(x(h.name,h.aliases),{permanent:!0,direction:"right"}).addTo(i));this.car=e.circleMarker([this.latitude,this.longitude],{radius:8,color:"#fff",weight:2,fillColor:"#c23434",fillOpacity:1}).addTo(i),i.fitBounds(a,{padding:[30,30],maxZoom:15});const l=((await g.optional(`/api/vehicles/${encodeURIComponent(this.vehicleId)}/track`).catch(()=>null))?.points??[]).map(h=>[h.latitude,h.longitude]);this.map===i&&l.length>1&&(this.track=e.polyline(l,{color:"#1f6cc7",weight:4,className:"track"}).addTo(i),i.fitBounds(a.extend(this.track.getBounds()),{padding:[30,30],maxZoom:15}))}updated(t){(t.has("latitude")||t.has("longitude"))&&this.car&&(this.car.setLatLng([this.latitude,this.longitude]),this.track?.addLatLng([this.latitude,this.longitude]))}};re.styles=[C,P`
      .map {
        height: 240px;
        border-radius: 10px;
        overflow: hidden;
        z-index: 0;
      }
    `];He([$({attribute:"vehicle-id"})],re.prototype,"vehicleId",2);He([$({attribute:!1})],re.prototype,"spaces",2);He([$({type:Number})],re.prototype,"latitude",2);He([$({type:Number})],re.prototype,"longitude",2);re=He([A("orbit-car-map")],re);var Yi=Object.defineProperty,Xi=Object.getOwnPropertyDescriptor,Be=(t,e,s,i)=>{for(var n=i>1?void 0:i?Xi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Yi(e,s,n),n};let ae=class extends E{constructor(){super(...arguments),this.vehicle=null,this.busy=!1,this.message="",this.error=""}render(){const t=this.vehicle,e=t?.charging.settings;if(!t||!e||t.controllable===!1)return u;const s=t.charging.limit_soc??e.limit_soc;return c`<form class="card" data-car="settings" @submit=${this.save}>
      <h3>${o("car.settings")}</h3>
      <div class="fields">
        <label>${o("car.target")}
          <input type="number" name="target" inputmode="numeric" min="10" max="100" step="1" required .value=${String(Math.round(e.target_soc))} /></label>
        <label>${o("car.departure")}
          <input type="time" name="departure" required .value=${e.departure_time??"07:30"} /></label>
        <label>${o("car.limit")}
          <input type="number" name="limit" inputmode="numeric" min="50" max="100" step="1" required .value=${String(Math.round(s))} /></label>
      </div>
      <p class="muted">${o("car.settings_hint")}</p>
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy}>${o("app.save")}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.precondition}>${o("car.precondition")}</button>
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
    </form>`}async save(t){t.preventDefault();const e=this.vehicle;if(!e)return;const s=new FormData(t.target),i=Number(s.get("target")),n=Number(s.get("limit"));if(i>n){this.message="",this.error=o("car.target_over_limit",{target:i,limit:n});return}await this.run(async()=>{await g.request("PUT",`/api/vehicles/${encodeURIComponent(e.id)}/charging`,{target_soc:i,departure_time:String(s.get("departure")),limit:n}),this.message=o("car.saved"),this.dispatchEvent(new Event("changed"))})}async precondition(){const t=this.vehicle;t&&await this.run(async()=>{const e=await g.request("POST",`/api/vehicles/${encodeURIComponent(t.id)}/precondition`);this.message=e.confirmed?o("car.preconditioning",{temperature:e.target_temperature}):e.message})}async run(t){this.busy=!0,this.message="",this.error="";try{await t()}catch(e){this.error=b(e)}finally{this.busy=!1}}};ae.styles=[C,P`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
        gap: 0.5rem;
      }
      .fields label {
        margin: 0;
        font-size: 0.85rem;
      }
      input {
        width: 100%;
        padding: 0.5rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
        margin-top: 0.2rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
    `];Be([$({attribute:!1})],ae.prototype,"vehicle",2);Be([p()],ae.prototype,"busy",2);Be([p()],ae.prototype,"message",2);Be([p()],ae.prototype,"error",2);ae=Be([A("orbit-charge-settings")],ae);var Qi=Object.defineProperty,en=Object.getOwnPropertyDescriptor,Fe=(t,e,s,i)=>{for(var n=i>1?void 0:i?en(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Qi(e,s,n),n};const Xt=["Disconnected","Plugged","Charging","Complete"];let oe=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.vehicle=null,this.mapFailed=!1,this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),this.load()}load(){g.optional(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(t=>this.vehicle=t,()=>this.vehicle=null)}get zone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone}get car(){return y.all().find(t=>t.space_id===this.spaceId&&t.type==="vehicle")}render(){const t=this.car;if(!t)return u;const e=r=>{const a=t.state[r]?.value;return typeof a=="number"?a:void 0},s=e("battery.battery-level"),i=e("charging.charge-limit"),n=e("charging.charging-state");return c`
      <section class="card" aria-label=${o("car.title")}>
        <div class="stats">
          <div><div class="muted">${o("car.battery")}</div><div class="big" data-car="battery">${s===void 0?"–":`${w(s,0)}%`}</div></div>
          <div><div class="muted">${o("car.range")}</div><div class="big" data-car="range">${e("vehicle.range")===void 0?"–":`${w(e("vehicle.range")??0,0)} ${Ue("km")}`}</div></div>
          <div><div class="muted">${o("car.charging")}</div><div class="big" data-car="charging">${n===void 0?"–":Re(Xt[n]??"",Xt[n]??String(n))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${o("car.battery")} ${s??""}% / ${o("car.limit")} ${i??""}%">
          <span style="width:${s??0}%"></span>${i!==void 0?c`<i style="left:${i}%"></i>`:u}
        </div>
        <div class="muted">${o("car.limit")}: ${i??"–"}%</div>
      </section>
      ${this.location(e("location.latitude"),e("location.longitude"))}
      ${this.plan()}
      <orbit-charge-settings .vehicle=${this.vehicle} @changed=${()=>this.load()}></orbit-charge-settings>
      <h2>${o("car.climate")}</h2>
    `}location(t,e){return t===void 0||e===void 0?u:!navigator.onLine||this.mapFailed?this.sketch(t,e):c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <orbit-car-map vehicle-id=${this.spaceId} .spaces=${this.spaces} .latitude=${t} .longitude=${e}
        @failed=${()=>this.mapFailed=!0}></orbit-car-map>
    </section>`}sketch(t,e){const s=this.spaces.find(k=>k.kind==="home"&&k.latitude!==null);if(t===void 0||e===void 0||!s||s.latitude===null||s.longitude===null)return u;const i=s.latitude,n=s.longitude,r=(k,Ae)=>[(Ae-n)*111.32*Math.cos(i*Math.PI/180),-(k-i)*110.57],a=this.spaces.filter(k=>k.kind!=="vehicle"&&k.latitude!==null&&k.longitude!==null).map(k=>({space:k,at:r(k.latitude??0,k.longitude??0)})),d=r(t,e),l=[d[0],...a.map(k=>k.at[0])],h=[d[1],...a.map(k=>k.at[1])],m=1,f=Math.min(...l)-m,v=Math.min(...h)-m,_=Math.max(Math.max(...l)-f+m,Math.max(...h)-v+m,2),I=320,S=200,D=Math.min(I,S)/_,ge=([k,Ae])=>[(k-f)*D+(I-_*D)/2,(Ae-v)*D],[Ss,As]=ge(d),Pt=Math.hypot(d[0],d[1]);return c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <svg data-map-sketch viewBox="0 0 ${I} ${S}" role="img" aria-label=${o("car.distance",{km:w(Pt,1)})}>
        ${a.map(({space:k,at:Ae})=>{const[Ot,Tt]=ge(Ae);return Ms`<circle cx=${Ot} cy=${Tt} r=${Math.max(4,k.radius_m/1e3*D)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${Ot+7} y=${Tt-7}>${x(k.name,k.aliases)}</text>`})}
        <circle cx=${Ss} cy=${As} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${o("car.distance",{km:w(Pt,1)})}</div>
    </section>`}plan(){const t=this.vehicle;if(!t)return u;const e=t.charging?.plan??null,s=Qe(),i=l=>l[s]??Object.values(l)[0]??"",n=t.charging?.plan_reason_text??null,r=n?i(n):t.charging?.plan_reason??null,a=(t.places??[]).filter(l=>l.eta&&!l.inside);if(!e&&!r&&a.length===0)return u;const d=e?i(e.explanation):"";return c`<section class="card" aria-label=${o("car.plan")} data-car="plan">
      ${e||r?c`<h3>${o("car.plan")}</h3>
            ${r?c`<p data-car="plan-reason">${r}</p>`:u}
            ${e?c`<p class="muted" data-car="plan-summary">${o("car.plan_line",{target:w(e.target_soc,0),time:K(e.departure,this.zone),cost:e.cost.toLocaleString(T(),{style:"currency",currency:e.currency})})}</p><p>${d}</p>`:u}`:u}
      ${a.length?c`<h3>${o("car.eta")}</h3>
            ${a.map(l=>{const h=this.spaces.find(v=>v.id===l.space_id),m=h?x(h.name,h.aliases):l.name,f=w((l.eta?.seconds??0)/60,0);return c`<div>${o("car.eta_line",{place:m,time:K(l.eta?.arrival??0,this.zone),minutes:f})}</div>`})}`:u}
    </section>`}};oe.styles=[C,P`
      .stats {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
        text-align: center;
      }
      .big {
        font-size: 1.25rem;
        white-space: nowrap;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        height: 10px;
        border-radius: 5px;
        background: var(--line);
        overflow: hidden;
        margin: 0.6rem 0 0.2rem;
        position: relative;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--ok);
      }
      .bar i {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2px;
        background: var(--fg);
      }
      svg {
        width: 100%;
        height: auto;
        background: var(--bg);
        border-radius: 10px;
      }
      svg text {
        font-size: 11px;
        fill: var(--fg);
      }
    `];Fe([$({attribute:"space-id"})],oe.prototype,"spaceId",2);Fe([$({attribute:!1})],oe.prototype,"spaces",2);Fe([p()],oe.prototype,"vehicle",2);Fe([p()],oe.prototype,"mapFailed",2);oe=Fe([A("orbit-car-panel")],oe);var tn=Object.defineProperty,sn=Object.getOwnPropertyDescriptor,he=(t,e,s,i)=>{for(var n=i>1?void 0:i?sn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&tn(e,s,n),n};let F=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.room="",this.ids=[],this.error="",this.loading=!0,this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=vs(()=>this.requestUpdate()),this.loadSpaces()}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("spaceId")&&this.spaces.length>0&&this.loadDevices()}get space(){return this.spaces.find(t=>t.id===this.spaceId)??this.spaces[0]}async loadSpaces(){try{this.spaces=await g.get("/api/spaces"),et("spaces",this.spaces),this.error="",await this.loadDevices()}catch(t){this.fromCache(t)||(this.error=b(t)),this.loading=!1}}async loadDevices(){const t=this.space;if(!t){this.loading=!1;return}this.room="",this.loading=!0;try{const e=await g.get(`/api/devices?space_id=${encodeURIComponent(t.id)}`);y.put(e),et(`devices.${t.id}`,e),this.ids=e.map(s=>s.id),O.follow({spaces:[t.id]}),this.error=""}catch(e){this.fromCache(e)||(this.error=b(e))}finally{this.loading=!1}}fromCache(t){if(!(t instanceof G)||t.status!==0)return!1;this.spaces.length===0&&(this.spaces=Ne("spaces")??[]);const e=this.space,s=e?Ne(`devices.${e.id}`):null;return s?(y.put(s),this.ids=s.map(i=>i.id),!0):!1}render(){const t=this.space,e=t?.kind==="home";return c`
      ${this.spaces.length>1?c`<nav class="chips space-tabs" aria-label=${o("nav.home")}>
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===t?.id?"true":"false"}
                @click=${()=>location.hash=`#/space/${encodeURIComponent(s.id)}`}>
                ${x(s.name,s.aliases)}</button>`)}
          </nav>`:u}
      ${t&&e?c`<orbit-home-summary space-id=${t.id}></orbit-home-summary>`:u}
      ${t?c`<orbit-scene-bar space-id=${t.id}></orbit-scene-bar>`:u}
      <orbit-assistant-box .spaceId=${t?.id??""} .roomId=${this.room}></orbit-assistant-box>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${t?this.body(t):this.loading?c`<p class="muted">${o("app.loading")}</p>`:c`<p>${o("spaces.empty")}</p>`}
    `}body(t){const e=this.ids.map(l=>y.get(l)).filter(l=>l!==void 0&&l.space_id===t.id),s=t.rooms.filter(l=>e.some(h=>h.room_id===l.id)),i=this.room?e.filter(l=>l.room_id===this.room):e,n=this.room?[]:Et().map(l=>e.find(h=>h.id===l)).filter(l=>l!==void 0),r=[...s.map(l=>({id:l.id,name:x(l.name,l.aliases)})),{id:"",name:o("spaces.no_room")}].map(l=>({...l,devices:i.filter(h=>(h.room_id??"")===l.id)})).filter(l=>l.devices.length>0),a=t.kind!=="vehicle",d=l=>c`<div class="grid ${a?"":"cards"}">
      ${l.map(h=>c`<orbit-device-card ?tile=${a} device-id=${h.id}></orbit-device-card>`)}
    </div>`;return c`
      ${t.kind==="vehicle"?c`<orbit-car-panel space-id=${t.id} .spaces=${this.spaces}></orbit-car-panel>`:u}
      ${s.length>1?c`<nav class="rooms" aria-label=${o("spaces.rooms_all")}>
            ${s.map(l=>this.roomTile(l,e.filter(h=>h.room_id===l.id)))}
          </nav>`:u}
      ${this.loading&&e.length===0?c`<p class="muted">${o("app.loading")}</p>`:u}
      ${!this.loading&&e.length===0?c`<p>${o("spaces.empty")}</p>`:u}
      ${n.length?c`<h2 data-favourites>${o("spaces.favourites")}</h2>${d(n)}`:u}
      ${r.map(l=>c`${r.length>1||l.id?c`<h2 data-room-heading=${l.id}>${l.name}</h2>`:u}${d(l.devices)}`)}
    `}roomTile(t,e){const s=x(t.name,t.aliases),i=e.filter(h=>h.online&&h.type.includes("sensor")).map(be).filter(h=>h!==null),n=e.map(be).filter(h=>h!==null),r=i[0]??n[0],a=e.filter(h=>h.online&&Ct(h)===!0).length,d=[r!==void 0?`${w(r,1)}°C`:"",a?o("spaces.on_count",{count:a}):o("spaces.all_off")].filter(h=>h),l=this.room===t.id;return c`<button data-room=${t.id} aria-pressed=${l?"true":"false"}
      aria-describedby="room-${t.id}" @click=${()=>this.room=l?"":t.id}>
      <b>${s}</b><span id="room-${t.id}" aria-hidden="true">${d.join(" · ")}</span>
    </button>`}};F.styles=[C,P`
      .grid {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
        margin-bottom: 0.6rem;
      }
      .grid.cards {
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .rooms {
        display: flex;
        gap: 0.5rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
        scrollbar-width: none;
      }
      .rooms button {
        flex: none;
        min-width: 104px;
        text-align: left;
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.7rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .rooms button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .rooms button[aria-pressed='true'] span {
        color: #fff;
      }
      .rooms b {
        display: block;
        font-size: 0.9rem;
        white-space: nowrap;
      }
      .rooms span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
        white-space: nowrap;
      }
      .space-tabs {
        margin-bottom: 0.25rem;
      }
      h2 {
        margin: 0.4rem 0 0.4rem;
        font-size: 0.95rem;
        color: var(--muted);
      }
    `];he([$({attribute:"space-id"})],F.prototype,"spaceId",2);he([p()],F.prototype,"spaces",2);he([p()],F.prototype,"room",2);he([p()],F.prototype,"ids",2);he([p()],F.prototype,"error",2);he([p()],F.prototype,"loading",2);F=he([A("orbit-spaces")],F);var nn=Object.defineProperty,rn=Object.getOwnPropertyDescriptor,ot=(t,e,s,i)=>{for(var n=i>1?void 0:i?rn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&nn(e,s,n),n};let ke=class extends E{constructor(){super(...arguments),this.deviceId="",this.timeZone=void 0,this.last=null,this.watchesDevices=!0}willUpdate(t){t.has("deviceId")&&this.load()}async load(){const t=await g.get(`/api/events?device_id=${encodeURIComponent(this.deviceId)}&limit=20`).catch(()=>[]);this.last=t.find(e=>e.kind==="command")??null}render(){const t=y.get(this.deviceId);if(!t)return u;const e=this.last?.payload??{};return c`<div data-status>
      <p class="headline" data-headline>${$s(t)}</p>
      ${this.last?c`<p class="muted" data-last>${o("device.last_command",{who:e.actor??o("activity.someone"),time:K(this.last.time,this.timeZone)})}</p>`:u}
    </div>`}};ke.styles=[C,P`
      .headline {
        font-size: 1.4rem;
        font-weight: 600;
        margin: 0.2rem 0;
      }
    `];ot([$({attribute:"device-id"})],ke.prototype,"deviceId",2);ot([$({attribute:!1})],ke.prototype,"timeZone",2);ot([p()],ke.prototype,"last",2);ke=ot([A("orbit-device-status")],ke);var an=Object.defineProperty,on=Object.getOwnPropertyDescriptor,X=(t,e,s,i)=>{for(var n=i>1?void 0:i?on(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&an(e,s,n),n};const Qt="#1f6cc7";let j=class extends E{constructor(){super(...arguments),this.deviceId="",this.prop=null,this.label="",this.range=86400,this.timeZone="",this.history=null,this.error="",this.plot=null}willUpdate(t){(t.has("range")||t.has("prop")||t.has("deviceId"))&&this.load()}disconnectedCallback(){super.disconnectedCallback(),this.plot?.destroy(),this.plot=null}get path(){return this.prop?.path??""}get window(){const t=this.history?.now??Kt();return[t-this.range,t]}async load(){if(!this.prop)return;const t=`since=${Math.floor(Kt()-this.range-60)}&buckets=120`;try{const e=await g.get(`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${t}`);e.now!==void 0&&ks(e.now),this.history=e,this.error=""}catch(e){this.error=b(e)}}render(){const[t,e]=this.window,s=(this.history?.points??[]).filter(n=>n.time>=t),i=Ue(this.prop?.unit);return c`<section class="card" data-chart=${this.path} data-window-start=${Math.round(t)} data-window-end=${Math.round(e)}>
      <h3>${this.label}${i?` (${i})`:""}</h3>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.history&&s.length===0?c`<p class="muted">${o("device.no_history")}</p>`:u}
      <div class="plot ${this.prop?.format==="bool"?"timeline":""}" role="img" aria-label=${this.label}></div>
    </section>`}async updated(){const t=this.prop,[e,s]=this.window,i=(this.history?.points??[]).filter(S=>S.value!==null&&S.time>=e),n=this.renderRoot.querySelector(".plot");if(this.plot?.destroy(),this.plot=null,!n||!t||i.length===0)return;const{default:r}=await it(async()=>{const{default:S}=await import("./uPlot.esm-CluHQUMV.js");return{default:S}},[]);await it(()=>import("./uPlot.min-Bqv6YAmf.js"),[]).then(S=>{if(!this.renderRoot.querySelector("style[data-uplot]")){const D=document.createElement("style");D.dataset.uplot="",D.textContent=S.default,this.renderRoot.appendChild(D)}});const a=t.format==="bool",d=S=>typeof S=="boolean"?Number(S):S,l=i.map(S=>S.time),h=i.map(S=>d(S.value));a&&h.length>0&&(l.push(s),h.push(h[h.length-1]));const m=[l,h],f=this.timeZone||void 0,v=this.range>86400,_=new Intl.DateTimeFormat(T(),v?{month:"short",day:"numeric",timeZone:f}:{hour:"2-digit",minute:"2-digit",timeZone:f}),I=a?[-.1,1.1]:t.unit==="percentage"&&t.range?[t.range[0],t.range[1]]:null;this.plot?.destroy(),this.plot=new r({width:Math.max(240,n.clientWidth||320),height:a?110:160,legend:{show:!1},scales:{x:{time:!0,range:[e,s]},...I?{y:{range:I}}:{}},series:[{},a?{label:this.label,stroke:Qt,width:2,fill:"rgba(31,108,199,0.15)",paths:r.paths.stepped?.({align:1})}:{label:this.label,stroke:Qt,width:2,fill:"rgba(31,108,199,0.12)"}],axes:[{stroke:"#667085",values:(S,D)=>D.map(ge=>_.format(new Date(ge*1e3)))},a?{stroke:"#667085",size:52,splits:()=>[0,1],values:(S,D)=>D.map(ge=>o(ge?"glance.on":"glance.off"))}:{stroke:"#667085",size:56}]},m,n)}};j.styles=[C,P`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];X([$({attribute:"device-id"})],j.prototype,"deviceId",2);X([$({attribute:!1})],j.prototype,"prop",2);X([$()],j.prototype,"label",2);X([$({type:Number})],j.prototype,"range",2);X([$({attribute:"time-zone"})],j.prototype,"timeZone",2);X([p()],j.prototype,"history",2);X([p()],j.prototype,"error",2);j=X([A("orbit-history-chart")],j);var cn=Object.defineProperty,ln=Object.getOwnPropertyDescriptor,Ve=(t,e,s,i)=>{for(var n=i>1?void 0:i?ln(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&cn(e,s,n),n};const es=[{key:"range.hour",seconds:3600},{key:"range.day",seconds:86400},{key:"range.week",seconds:7*86400},{key:"range.month",seconds:30*86400}],un=new Set(["int8","int16","int32","uint8","uint16","uint32","float","bool"]);let ce=class extends E{constructor(){super(...arguments),this.deviceId="",this.spec=null,this.range=es[1].seconds,this.error="",this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=vs(()=>this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("deviceId")&&this.load()}async load(){try{const t=await g.get(`/api/devices/${encodeURIComponent(this.deviceId)}`);y.put([t]),this.spec=t.spec??null,this.error="",O.follow({devices:[t.id]})}catch(t){this.error=t.status===404?o("device.not_found"):b(t)}}get zone(){const t=y.get(this.deviceId);return t?Ne("spaces")?.find(e=>e.id===t.space_id)?.timezone??"":""}pick(t){this.range=t}render(){const t=y.get(this.deviceId),e=this.spec?this.spec.services.flatMap(i=>i.properties).filter(i=>pn(i,t)):[],s=this.zone;return c`
      <div class="row between top">
        <a class="back" href="#/">‹ ${o("device.back")}</a>
        ${this.spec?c`<button class="star" data-favourite aria-pressed=${Zt(this.deviceId)?"true":"false"}
              @click=${()=>mi(this.deviceId,!Zt(this.deviceId))}>★ ${o("device.favourite")}</button>`:u}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.spec?c`<orbit-device-status device-id=${this.deviceId} .timeZone=${this.zone||void 0}></orbit-device-status>
            <orbit-device-card device-id=${this.deviceId} full></orbit-device-card>`:u}
      ${e.length?c`<h2>${o("device.history")}</h2>
            <div class="chips" role="group" aria-label=${o("device.history")}>
              ${es.map(i=>c`<button aria-pressed=${this.range===i.seconds?"true":"false"}
                  @click=${()=>this.pick(i.seconds)}>${o(i.key)}</button>`)}
            </div>
            ${e.map(i=>c`<orbit-history-chart device-id=${this.deviceId} .prop=${i} label=${Ie(i)}
                time-zone=${s} .range=${this.range}></orbit-history-chart>`)}`:u}
    `}};ce.styles=[C,P`
      a.back {
        color: var(--accent);
        display: inline-block;
      }
      .top {
        margin-bottom: 0.5rem;
      }
      .star[aria-pressed='true'] {
        background: var(--warn);
        color: #000;
      }
    `];Ve([$({attribute:"device-id"})],ce.prototype,"deviceId",2);Ve([p()],ce.prototype,"spec",2);Ve([p()],ce.prototype,"range",2);Ve([p()],ce.prototype,"error",2);ce=Ve([A("orbit-device-page")],ce);const dn=new Set(["latitude","longitude","heading","accuracy","altitude","odometer","power-consumption","voltage","electric-current"]),hn=new Set(["battery-level","range","speed"]);function pn(t,e){return!t.access.includes("read")||!un.has(t.format)||t.values?!1:e?.type==="vehicle"?hn.has(t.name):t.format!=="bool"&&t.access.includes("write")?!1:!dn.has(t.name)}var gn=Object.defineProperty,mn=Object.getOwnPropertyDescriptor,U=(t,e,s,i)=>{for(var n=i>1?void 0:i?mn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&gn(e,s,n),n};const fn={day:"energy.day",week:"energy.week",month:"energy.month"},vn=5;function Ke(t,e){try{return t.toLocaleString(T(),{style:"currency",currency:e})}catch{return`${w(t,2)} ${e}`}}let L=class extends E{constructor(){super(...arguments),this.user=null,this.spaces=[],this.spaceId="",this.span="week",this.date="",this.energy=null,this.error="",this.unavailable=!1,this.price="",this.currency="CNY"}connectedCallback(){super.connectedCallback(),this.init()}async init(){try{this.spaces=(await g.get("/api/spaces")).filter(t=>t.kind!=="vehicle"),this.spaceId=this.spaces[0]?.id??"",await this.load()}catch(t){this.error=b(t)}}async load(){const t=new URLSearchParams({space_id:this.spaceId,span:this.span});this.date&&t.set("date",this.date);try{this.energy=await g.optional(`/api/energy?${t.toString()}`),this.unavailable=this.energy===null,this.error=""}catch(e){this.error=b(e)}}pick(t){"date"in t||(t.date=this.energy?.span?.current?"":this.energy?.span?.date??""),Object.assign(this,t),this.load()}async setTariff(t){t.preventDefault();const e=Number(this.price.replace(",",".")),s=this.spaces.find(i=>i.id===this.spaceId);try{await g.request("PUT",`/api/tariffs/${encodeURIComponent(this.spaceId)}`,{name:o("energy.flat_tariff"),timezone:s?.timezone??"UTC",currency:this.currency.trim().toUpperCase(),windows:[{start:"00:00",end:"24:00",price:e,name:"flat"}]}),this.price="",await this.load()}catch(i){this.error=b(i)}}render(){const t=this.energy,e=t?.span;return c`
      <h1>${o("energy.title")}</h1>
      ${this.spaces.length>1?c`<div class="chips">
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===this.spaceId?"true":"false"} @click=${()=>this.pick({spaceId:s.id})}>
                ${x(s.name,s.aliases)}</button>`)}
          </div>`:u}
      <div class="chips" role="group" aria-label=${o("energy.span")}>
        ${["day","week","month"].map(s=>c`<button aria-pressed=${s===this.span?"true":"false"} @click=${()=>this.pick({span:s})}>
            ${o(fn[s])}</button>`)}
      </div>
      <div class="row nav">
        <button data-energy-earlier aria-label=${o("energy.earlier")} ?disabled=${!e}
          @click=${()=>e&&this.pick({date:e.previous})}>‹</button>
        <span data-energy-range>${e?this.rangeLabel(e.span,e.date):""}</span>
        <button data-energy-later aria-label=${o("energy.later")} ?disabled=${!e?.next}
          @click=${()=>e?.next&&this.pick({date:e.next})}>›</button>
      </div>
      ${e&&!e.current?c`<div class="row"><button data-energy-today @click=${()=>this.pick({date:""})}>${o("energy.today")}</button></div>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:u}
      ${t?this.body(t):u}
    `}body(t){const e=t.currency;return c`<section class="card" data-energy-summary>
        <div class="big" data-energy-total>${w(t.total,2)} ${t.unit}</div>
        ${t.cost!==null&&e?c`<div class="big" data-energy-cost>${Ke(t.cost,e)}</div>
              ${t.tariff?c`<p class="muted" data-energy-tariff>${o("energy.priced_at",{tariff:t.tariff.name||t.tariff.currency})}</p>`:u}`:u}
      </section>
      ${t.no_tariff.length?this.noTariff():u} ${this.chart(t)}
      ${this.top(t)}
      ${this.rooms(t)}`}noTariff(){const t=this.user?.role==="owner"||this.user?.role==="adult";return c`<section class="card" data-no-tariff>
      <h2>${o("energy.no_tariff_title")}</h2>
      <p>${o("energy.no_tariff")}</p>
      ${t?c`<form @submit=${this.setTariff}>
            <label>${o("energy.price_per_kwh")}
              <input type="number" inputmode="decimal" min="0" max="1000" step="0.01" required name="price"
                .value=${this.price} @input=${e=>this.price=e.target.value} /></label>
            <label>${o("energy.currency")}
              <input type="text" required maxlength="3" name="currency" autocapitalize="characters"
                .value=${this.currency} @input=${e=>this.currency=e.target.value} /></label>
            <button class="primary" type="submit" data-set-tariff>${o("energy.set_tariff")}</button>
          </form>`:c`<p class="muted">${o("energy.no_tariff_ask")}</p>`}
    </section>`}rangeLabel(t,e){const s=new Date(`${e}T00:00:00Z`),i=a=>new Intl.DateTimeFormat(T(),{...a,timeZone:"UTC"});if(t==="day")return i({weekday:"short",month:"short",day:"numeric",year:"numeric"}).format(s);if(t==="month")return i({month:"long",year:"numeric"}).format(s);const n=new Date(s.getTime()+6*864e5),r=i({month:"short",day:"numeric"});return`${r.format(s)} – ${r.format(n)}`}timeZone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone??"UTC"}chart(t){const e=t.devices[0]?.series.map(h=>h.time)??[];if(e.length<2)return u;const s=e.map((h,m)=>t.devices.reduce((f,v)=>f+(v.series[m]?.value??0),0)),i=e.map((h,m)=>t.devices.reduce((f,v)=>f+(v.series[m]?.cost??0),0)),n=Math.max(1e-4,...s),r=t.period==="hour",a=new Intl.DateTimeFormat(T(),{...r?{hour:"2-digit",minute:"2-digit"}:{weekday:"short",month:"short",day:"numeric"},timeZone:this.timeZone()}),d=o(r?"energy.per_hour":"energy.per_day"),l=h=>`${a.format(new Date(e[h]*1e3))}: ${w(s[h],2)} ${t.unit}`+(t.currency&&t.cost!==null?` · ${Ke(i[h],t.currency)}`:"");return c`<section class="card"><h2>${d}</h2>
      <div class="chart" role="img" aria-label=${d} data-energy-chart>
        ${s.map((h,m)=>c`<span style="height:${h/n*100}%" title=${l(m)}></span>`)}
      </div>
      <div class="row between muted"><span>${a.format(new Date(e[0]*1e3))}</span>
        <span>${a.format(new Date(e[e.length-1]*1e3))}</span></div>
    </section>`}top(t){const e=[...t.devices].filter(i=>i.total>0).sort((i,n)=>n.total-i.total),s=Math.max(1e-4,...e.map(i=>i.total));return c`<section class="card" data-energy-top><h2>${o("energy.top")}</h2>
      ${e.length===0?c`<p class="muted">${o("energy.nothing_used")}</p>`:u}
      <ul class="plain">
        ${e.slice(0,vn).map(i=>c`<li data-consumer=${i.id}>
            <div class="row between"><strong>${x(i.name,y.get(i.id)?.aliases??[])}</strong>
              <span>${Math.round(i.share*100)}%</span></div>
            <div class="row between muted"><span>${w(i.total,2)} ${t.unit}</span>
              <span data-consumer-cost>${i.cost!==null&&t.tariff?Ke(i.cost,t.tariff.currency):""}</span></div>
            <div class="bar" style="width:${i.total/s*100}%"></div></li>`)}
      </ul></section>`}rooms(t){const e=[...t.rooms].sort((i,n)=>n.total-i.total),s=i=>this.spaces.flatMap(n=>n.rooms).find(n=>n.id===i)?.aliases??[];return c`<section class="card"><h2>${o("energy.by_room")}</h2>
      ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
      <ul class="plain">
        ${e.map(i=>c`<li><div class="row between"><span>${x(i.name,s(i.id))}</span>
            <span>${w(i.total,2)} ${t.unit}${i.cost!==null&&t.tariff?` · ${Ke(i.cost,t.tariff.currency)}`:""}</span></div></li>`)}
      </ul></section>`}};L.styles=[C,P`
      .chart {
        display: flex;
        align-items: flex-end;
        gap: 2px;
        height: 120px;
        margin: 0.5rem 0 0.25rem;
      }
      .chart span {
        flex: 1;
        background: var(--accent);
        border-radius: 3px 3px 0 0;
        min-height: 1px;
      }
      .nav {
        justify-content: space-between;
      }
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
      .big {
        font-size: 1.6rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
    `];U([$({attribute:!1})],L.prototype,"user",2);U([p()],L.prototype,"spaces",2);U([p()],L.prototype,"spaceId",2);U([p()],L.prototype,"span",2);U([p()],L.prototype,"date",2);U([p()],L.prototype,"energy",2);U([p()],L.prototype,"error",2);U([p()],L.prototype,"unavailable",2);U([p()],L.prototype,"price",2);U([p()],L.prototype,"currency",2);L=U([A("orbit-energy")],L);var yn=Object.defineProperty,bn=Object.getOwnPropertyDescriptor,Ze=(t,e,s,i)=>{for(var n=i>1?void 0:i?bn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&yn(e,s,n),n};let le=class extends E{constructor(){super(...arguments),this.watchesDevices=!0,this.tab="events",this.events=null,this.audit=null,this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.tab==="events"?(this.events=await g.optional("/api/events?limit=100")??[],await this.learnDevices(this.events)):this.audit=await g.optional("/api/audit?limit=100")??[],this.error=""}catch(t){this.error=b(t)}}async learnDevices(t){t.some(s=>s.device_id&&!y.get(s.device_id))&&y.put(await g.get("/api/devices"));const e=new Set(t.filter(s=>s.kind==="command"&&s.device_id).map(s=>s.device_id??""));await Promise.all([...e].map(s=>y.spec(s)))}render(){const t=this.tab==="events"?(this.events??[]).map(e=>({time:e.time,text:$n(e)})):(this.audit??[]).map(e=>({time:e.time,text:`${e.actor} · ${e.action} · ${e.target}`}));return c`
      <h1>${o("activity.title")}</h1>
      <div class="chips" role="group">
        ${["events","audit"].map(e=>c`<button aria-pressed=${e===this.tab?"true":"false"}
            @click=${()=>{this.tab=e,this.load()}}>${o(e==="events"?"activity.events":"activity.audit")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      <section class="card">
        ${t.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
        <ul class="plain">
          ${t.map(e=>c`<li><div class="muted">${K(e.time)}</div><div>${e.text}</div></li>`)}
        </ul>
      </section>
    `}};le.styles=[C];Ze([p()],le.prototype,"tab",2);Ze([p()],le.prototype,"events",2);Ze([p()],le.prototype,"audit",2);Ze([p()],le.prototype,"error",2);le=Ze([A("orbit-activity")],le);function $n(t){const e=t.payload??{},s=xn(t.device_id??""),i=t.space_id??"";switch(t.kind){case"online":return o(e.online===!1?"activity.offline":"activity.online",{device:s});case"command":{const n=typeof e.actor=="string"&&e.actor?e.actor:o("activity.someone"),r=wn(t.device_id,t.path),a=r?Ie(r):Re(Ce(t.path),Ce(t.path)),d=e.arguments??{},l=Ce(t.path);if(e.command==="set"&&l in d){const h=d[l],m=r&&kn(h)?_n(r,h):JSON.stringify(h);return o("activity.command",{actor:n,device:s,property:a,value:m})}return o("activity.command_call",{actor:n,device:s,property:a})}case"zone":return o(e.entered?"activity.zone_enter":"activity.zone_leave",{device:s,space:i});case"presence":return o(e.present?"activity.arrived":"activity.left",{person:t.path??"",space:i});case"automation":return o("activity.automation",{id:t.path??"",outcome:[e.outcome,e.message].filter(Boolean).join(" · ")});case"event":return o("activity.event",{device:s,event:Re(Ce(t.path),Ce(t.path))});default:return typeof t.message=="string"&&t.message?t.message:[t.kind??t.type,s,t.path].filter(Boolean).join(" · ")}}function wn(t,e){const s=t?y.get(t)?.spec:void 0;if(!s||!e)return null;for(const i of s.services){const n=i.properties.find(r=>r.path===e);if(n)return n}return null}function _n(t,e){return typeof e=="boolean"?o(e?"activity.on":"activity.off"):ve(t,e)}function kn(t){return["boolean","number","string"].includes(typeof t)}function xn(t){const e=y.get(t);return e?x(e.name,e.aliases):t}function Ce(t){return(t??"").split(".").pop()??""}var Sn=Object.defineProperty,An=Object.getOwnPropertyDescriptor,We=(t,e,s,i)=>{for(var n=i>1?void 0:i?An(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Sn(e,s,n),n};let ue=class extends E{constructor(){super(...arguments),this.notifications=null,this.alerts=null,this.suggestions=null,this.error="",this.onLive=t=>{const e=t.detail;if(e.type!=="notification")return;const s=e,i=typeof s.id=="number"||typeof s.id=="string"?s.id:`live-${Date.now()}`,n={id:i,time:typeof s.time=="number"?s.time:Date.now()/1e3,title:String(s.title??""),message:String(s.message??""),severity:typeof s.severity=="string"?s.severity:void 0,read:!1},r=new Set([String(i),...Array.isArray(s.replaces)?s.replaces.map(String):[]]);this.notifications=[n,...(this.notifications??[]).filter(a=>!r.has(String(a.id)))]}}connectedCallback(){super.connectedCallback(),O.addEventListener("message",this.onLive),this.load()}disconnectedCallback(){super.disconnectedCallback(),O.removeEventListener("message",this.onLive)}async load(){const t=n=>n.catch(r=>(this.error=b(r),null)),[e,s,i]=await Promise.all([t(g.optional("/api/notifications")),t(g.optional("/api/alerts")),t(g.optional("/api/suggestions"))]);this.notifications=e??this.notifications,this.alerts=s,this.suggestions=i}async act(t){try{await g.request("POST",t),await this.load()}catch(e){this.error=b(e)}}render(){return c`
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      <h1>${o("notifications.title")}</h1>
      <section class="card" data-section="notifications">
        ${this.notifications?.length?u:c`<p class="muted">${o("app.none")}</p>`}
        <ul class="plain">
          ${(this.notifications??[]).map(t=>c`<li data-notification=${String(t.id)}>
              <div class="row between"><strong>${t.title}</strong><span class="muted">${K(t.time)}</span></div>
              <div>${t.message}</div>
              ${t.read===!1&&!String(t.id).startsWith("live-")?c`<button @click=${()=>this.act(`/api/notifications/${encodeURIComponent(String(t.id))}/read`)}>
                    ${o("notifications.mark_read")}</button>`:u}
            </li>`)}
        </ul>
      </section>
      ${this.alerts?this.insights(o("insights.alerts"),this.alerts,"alerts",["dismiss"]):u}
      ${this.suggestions?this.insights(o("insights.suggestions"),this.suggestions,"suggestions",["accept","reject"]):u}
    `}insights(t,e,s,i){return c`<h2>${t}</h2>
      <section class="card" data-section=${s}>
        ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
        <ul class="plain">
          ${e.map(n=>c`<li>
              <strong>${ts(n.title_en,n.title_zh)||n.id}</strong>
              <div>${ts(n.explanation_en??n.message_en,n.explanation_zh??n.message_zh)}</div>
              <div class="row">
                ${i.map(r=>c`<button @click=${()=>this.act(`/api/${s}/${encodeURIComponent(n.id)}/${r}`)}>
                    ${o(`insights.${r}`)}</button>`)}
              </div>
            </li>`)}
        </ul>
      </section>`}};ue.styles=[C];We([p()],ue.prototype,"notifications",2);We([p()],ue.prototype,"alerts",2);We([p()],ue.prototype,"suggestions",2);We([p()],ue.prototype,"error",2);ue=We([A("orbit-inbox")],ue);function ts(t,e){return(Qe()==="zh"?e||t:t||e)??""}var En=Object.defineProperty,Cn=Object.getOwnPropertyDescriptor,pe=(t,e,s,i)=>{for(var n=i>1?void 0:i?Cn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&En(e,s,n),n};let V=class extends E{constructor(){super(...arguments),this.automations=null,this.unavailable=!1,this.why={},this.error="",this.busy="",this.notes={}}connectedCallback(){super.connectedCallback(),g.optional("/api/automations").then(t=>{this.automations=t??[],this.unavailable=t===null},t=>this.error=b(t))}async explain(t){try{const e=Qe(),s=await g.get(`/api/automations/${encodeURIComponent(t)}/why?lang=${e}`);this.why={...this.why,[t]:yt(s)}}catch(e){this.why={...this.why,[t]:b(e)}}}async setEnabled(t,e){await this.act(t,async()=>{const s=await g.request("POST",`/api/automations/${encodeURIComponent(t.id)}/${e?"enable":"disable"}`);return this.automations=(this.automations??[]).map(i=>i.id===t.id?{...i,...s}:i),""})}async run(t){await this.act(t,async()=>{const e=await g.request("POST",`/api/automations/${encodeURIComponent(t.id)}/run?lang=${Qe()}`);return e.started?o("automations.started"):o("automations.not_started",{reason:e.reason??""})})}async act(t,e){this.busy=t.id;try{this.notes={...this.notes,[t.id]:await e()}}catch(s){this.notes={...this.notes,[t.id]:b(s)}}finally{this.busy=""}}render(){return c`
      <h1>${o("automations.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:u}
      ${this.automations?.length===0&&!this.unavailable?c`<p class="muted">${o("app.none")}</p>`:u}
      ${(this.automations??[]).map(t=>c`<section class="card" data-automation=${t.id}>
          <div class="row between"><strong>${t.name??t.id}</strong>
            <button role="switch" aria-checked=${t.enabled===!1?"false":"true"} aria-label=${t.name??t.id}
              ?disabled=${this.busy===t.id} @click=${()=>this.setEnabled(t,t.enabled===!1)}></button></div>
          <p class="muted">${t.enabled===!1?`${o("automations.disabled")} · `:""}${Pn(t)}</p>
          <div class="buttons">
            <button ?disabled=${this.busy===t.id||t.enabled===!1} @click=${()=>this.run(t)}>${o("automations.run")}</button>
            <button @click=${()=>this.explain(t.id)}>${o("automations.why")}</button>
          </div>
          ${this.notes[t.id]?c`<p class="muted" role="status">${this.notes[t.id]}</p>`:u}
          ${this.why[t.id]!==void 0?c`<p data-why>${this.why[t.id]||o("automations.why_none")}</p>`:u}
        </section>`)}
    `}};V.styles=[C,P`
      [data-why] {
        white-space: pre-line;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
      }
    `];pe([p()],V.prototype,"automations",2);pe([p()],V.prototype,"unavailable",2);pe([p()],V.prototype,"why",2);pe([p()],V.prototype,"error",2);pe([p()],V.prototype,"busy",2);pe([p()],V.prototype,"notes",2);V=pe([A("orbit-automations")],V);function Pn(t){const e=t.last_run;return e?o("automations.last_run",{time:K(e.started),outcome:e.error?`${e.status} (${e.error})`:e.status}):o("automations.never")}function yt(t){if(typeof t=="string")return t;if(Array.isArray(t))return[...t].reverse().slice(0,3).map(e=>e&&typeof e=="object"&&typeof e.time=="number"?`${K(e.time)}: ${yt(e)}`:yt(e)).join(`
`);if(t&&typeof t=="object"){const e=t;for(const s of["text","explanation","why","message","summary"])if(typeof e[s]=="string")return e[s]}return JSON.stringify(t)}var On=Object.defineProperty,Tn=Object.getOwnPropertyDescriptor,N=(t,e,s,i)=>{for(var n=i>1?void 0:i?Tn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&On(e,s,n),n};const ss=["adult","child","guest","owner"];let z=class extends E{constructor(){super(...arguments),this.users=[],this.spaces=[],this.devices=[],this.removing="",this.revoking="",this.notice="",this.grants={},this.open="",this.grantSpace="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.users,this.spaces,this.devices]=await Promise.all([g.get("/api/users"),g.get("/api/spaces"),g.get("/api/devices")]),this.grantSpace||=this.spaces[0]?.id??"",this.error=""}catch(t){this.error=b(t)}}async loadGrants(t){if(this.open=this.open===t?"":t,!!this.open)try{this.grants={...this.grants,[t]:await g.get(`/api/users/${encodeURIComponent(t)}/grants`)}}catch(e){this.error=b(e)}}async guarded(t){try{await t(),this.error=""}catch(e){this.error=b(e)}}async create(t){t.preventDefault();const e=t.target,s=new FormData(e);await this.guarded(async()=>{await g.request("POST","/api/users",{username:s.get("username"),password:s.get("password"),display_name:s.get("display_name")||s.get("username"),role:s.get("role")}),e.reset(),await this.load()})}async grant(t,e){t.preventDefault();const s=new FormData(t.target),i=s.getAll("rooms").map(String),n=s.getAll("devices").map(String),r=String(s.get("expires")??"");await this.guarded(async()=>{await g.request("POST",`/api/users/${encodeURIComponent(e)}/grants`,{space_id:s.get("space"),room_ids:i.length?i:null,device_ids:n.length?n:null,expires_at:r?new Date(r).getTime()/1e3:null}),this.open="",await this.loadGrants(e)})}async revoke(t){this.revoking="",await this.guarded(async()=>{await g.request("DELETE",`/api/grants/${encodeURIComponent(t.id)}`),this.open="",await this.loadGrants(t.user_id)})}async setCounts(t,e){await this.guarded(async()=>{await g.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{counts_for_presence:e}),await this.load()})}async removeUser(t){this.removing="",await this.guarded(async()=>{await g.request("DELETE",`/api/users/${encodeURIComponent(t.id)}`),await this.load()})}async setRole(t,e){await this.guarded(async()=>{await g.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{role:e}),await this.load()})}async resetPassword(t,e){t.preventDefault();const s=t.target,i=String(new FormData(s).get("password")??"");await this.guarded(async()=>{await g.request("PATCH",`/api/users/${encodeURIComponent(e.id)}`,{password:i}),s.reset(),this.notice=o("users.password_set",{name:e.display_name||e.username})})}name(t,e,s){if(e==="device"){const n=this.devices.find(r=>r.id===t);return n?x(n.name,n.aliases):t}const i=this.spaces.find(n=>n.id===s)?.rooms.find(n=>n.id===t);return i?x(i.name,i.aliases):t}render(){return c`
      <h1>${o("users.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.notice?c`<p class="muted" role="status">${this.notice}</p>`:u}
      ${this.users.map(t=>c`<section class="card" data-user=${t.username}>
          <div class="row between">
            <strong>${t.display_name||t.username}</strong><span class="muted">${t.username} · ${o(`users.role.${t.role}`)}</span>
          </div>
          ${t.role!=="owner"?c`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${t.counts_for_presence!==!1}
                  @change=${e=>this.setCounts(t,e.target.checked)} />
                <span>${o("users.counts_for_presence")}</span>
              </label>`:u}
          ${t.role!=="owner"?c`<label>${o("users.role")}
                <select name="role" .value=${t.role} @change=${e=>this.setRole(t,e.target.value)}>
                  ${ss.map(e=>c`<option value=${e} ?selected=${e===t.role}>${o(`users.role.${e}`)}</option>`)}
                </select></label>
              <form class="row" @submit=${e=>this.resetPassword(e,t)}>
                <label class="grow">${o("users.new_password")}
                  <input type="password" name="password" required minlength="8" autocomplete="new-password" /></label>
                <button>${o("users.reset_password")}</button>
              </form>`:u}
          <div class="row">
            <button @click=${()=>this.loadGrants(t.id)}>${o("users.grants")}</button>
            ${t.role!=="owner"&&this.removing!==t.id?c`<button @click=${()=>this.removing=t.id}>${o("users.delete")}</button>`:u}
          </div>
          ${this.removing===t.id?c`<div class="ask" role="alertdialog" aria-label=${o("users.delete_question",{name:t.display_name||t.username})}>
                <p>${o("users.delete_question",{name:t.display_name||t.username})}</p>
                <div class="row">
                  <button class="danger" @click=${()=>this.removeUser(t)}>${o("users.delete")}</button>
                  <button @click=${()=>this.removing=""}>${o("app.cancel")}</button>
                </div>
              </div>`:u}
          ${this.open===t.id?this.grantsOf(t):u}
        </section>`)}
      <section class="card">
        <h2>${o("users.create")}</h2>
        <form @submit=${this.create}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${o("users.display_name")}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${o("login.password")}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${o("users.role")}
            <select name="role">${ss.map(t=>c`<option value=${t}>${o(`users.role.${t}`)}</option>`)}</select>
          </label>
          <button class="primary">${o("users.create")}</button>
        </form>
      </section>
    `}grantsOf(t){const e=this.grants[t.id]??[],s=this.spaces.find(r=>r.id===this.grantSpace),i=r=>{const a=this.spaces.find(d=>d.id===r);return a?x(a.name,a.aliases):r},n=t.display_name||t.username;return c`
      <ul class="plain">
        ${e.map(r=>{const a=`${i(r.space_id)}: ${[...(r.room_ids??[]).map(l=>this.name(l,"room",r.space_id)),...(r.device_ids??[]).map(l=>this.name(l,"device",r.space_id))].join(", ")||o("users.whole_space")}`,d=o("users.revoke_question",{name:n,what:a});return c`<li data-grant=${r.id}>
            <div class="row between">
              <span>${a}
                <span class="muted">${r.expires_at?o("users.until",{time:K(r.expires_at)}):o("users.no_expiry")}</span></span>
              ${this.revoking!==r.id?c`<button @click=${()=>this.revoking=r.id}>${o("users.revoke")}</button>`:u}
            </div>
            ${this.revoking===r.id?c`<div class="ask" role="alertdialog" aria-label=${d}>
                  <p>${d}</p>
                  <div class="row">
                    <button class="danger" @click=${()=>this.revoke(r)}>${o("users.revoke")}</button>
                    <button @click=${()=>this.revoking=""}>${o("app.cancel")}</button>
                  </div>
                </div>`:u}
          </li>`})}
      </ul>
      <form @submit=${r=>this.grant(r,t.id)}>
        <label>${o("users.space")}
          <select name="space" @change=${r=>this.grantSpace=r.target.value}>
            ${this.spaces.map(r=>c`<option value=${r.id} ?selected=${r.id===this.grantSpace}>${x(r.name,r.aliases)}</option>`)}
          </select>
        </label>
        ${s?.rooms.length?c`<div class="checks"><div class="muted">${o("users.rooms")}</div>
              ${s.rooms.map(r=>c`<label><input type="checkbox" name="rooms" value=${r.id} />${x(r.name,r.aliases)}</label>`)}
            </div>`:u}
        ${this.devices.some(r=>r.space_id===s?.id)?c`<div class="checks"><div class="muted">${o("users.devices")}</div>
              ${this.devices.filter(r=>r.space_id===s?.id).map(r=>c`<label><input type="checkbox" name="devices" value=${r.id} />${x(r.name,r.aliases)}</label>`)}
            </div>`:u}
        <label>${o("users.expires")}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${o("users.grant")}</button>
      </form>
    `}};z.styles=[C,P`
      .checks label {
        display: inline-flex;
        gap: 0.3rem;
        margin-right: 0.8rem;
      }
      .grow {
        flex: 1;
      }
      form.row {
        align-items: flex-end;
      }
      form.row button {
        margin-bottom: 0.5rem;
      }
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .ask p {
        margin: 0 0 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `];N([p()],z.prototype,"users",2);N([p()],z.prototype,"spaces",2);N([p()],z.prototype,"devices",2);N([p()],z.prototype,"removing",2);N([p()],z.prototype,"revoking",2);N([p()],z.prototype,"notice",2);N([p()],z.prototype,"grants",2);N([p()],z.prototype,"open",2);N([p()],z.prototype,"grantSpace",2);N([p()],z.prototype,"error",2);z=N([A("orbit-users")],z);function xs(){return"serviceWorker"in navigator&&"PushManager"in window&&"Notification"in window}async function In(){if(!xs())return!1;const t=await g.optional("/api/push/key").catch(()=>null),e=t?.public_key??t?.key??t?.vapid_public_key;if(!e||await Notification.requestPermission()!=="granted")return!1;const s=await navigator.serviceWorker.ready,i=await s.pushManager.getSubscription()??await s.pushManager.subscribe({userVisibleOnly:!0,applicationServerKey:Ln(e)});return await g.request("POST","/api/push/subscriptions",i.toJSON()),!0}function Ln(t){const e=(t+"=".repeat((4-t.length%4)%4)).replace(/-/g,"+").replace(/_/g,"/"),s=atob(e),i=new Uint8Array(new ArrayBuffer(s.length));for(let n=0;n<s.length;n+=1)i[n]=s.charCodeAt(n);return i}var zn=Object.defineProperty,Dn=Object.getOwnPropertyDescriptor,Ge=(t,e,s,i)=>{for(var n=i>1?void 0:i?Dn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&zn(e,s,n),n};let de=class extends E{constructor(){super(...arguments),this.user=null,this.companion=gs(),this.push="",this.error=""}render(){const t=this.user;return c`
      <h1>${o("more.title")}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${o("automations.title")}</a></li>
          ${t?.role==="owner"?c`<li><a href="#/users">${o("users.title")}</a></li>`:u}
        </ul>
      </nav>
      <section class="card">
        <h2>${o("settings.title")}</h2>
        <label>${o("settings.language")}
          <select name="language" @change=${this.changeLanguage}>
            ${us.map(e=>c`<option value=${e.code} ?selected=${e.code===T()}>${e.label}</option>`)}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" name="companion" .checked=${this.companion} @change=${this.toggleCompanion} />
          <span>${o("settings.companion")}</span>
        </label>
        <p class="muted">${o("settings.companion_hint")}</p>
        ${t?.role==="owner"?c`<label class="row">
              <input type="checkbox" name="security_notices" .checked=${t.security_notices!==!1}
                @change=${this.toggleSecurityNotices} />
              <span>${o("settings.security_notices")}</span>
            </label>`:u}
        <h3>${o("settings.push")}</h3>
        ${xs()?c`<button @click=${this.enablePush}>${o("settings.push_on")}</button>`:u}
        ${this.push?c`<p class="muted" role="status">${this.push}</p>`:u}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      </section>
      <section class="card">
        ${t?c`<p>${o("settings.signed_in_as",{name:t.display_name||t.username,role:o(`users.role.${t.role}`)})}</p>`:u}
        <button @click=${()=>{g.logout()}}>${o("logout")}</button>
      </section>
    `}changeLanguage(t){const e=t.target.value;hs(e),g.request("PATCH","/api/me",{language:e}).catch(()=>null)}async toggleSecurityNotices(t){const e=t.target;try{await g.request("PATCH","/api/me",{security_notices:e.checked}),this.user&&(this.user={...this.user,security_notices:e.checked}),this.error=""}catch(s){e.checked=!e.checked,this.error=b(s)}}async toggleCompanion(t){this.companion=t.target.checked;try{await hi(this.companion),this.error=""}catch(e){this.error=b(e)}}async enablePush(){try{this.push=o(await In()?"settings.push_done":"settings.push_unavailable")}catch{this.push=o("settings.push_unavailable")}}};de.styles=[C];Ge([$({attribute:!1})],de.prototype,"user",2);Ge([p()],de.prototype,"companion",2);Ge([p()],de.prototype,"push",2);Ge([p()],de.prototype,"error",2);de=Ge([A("orbit-settings")],de);var Rn=Object.defineProperty,Un=Object.getOwnPropertyDescriptor,Q=(t,e,s,i)=>{for(var n=i>1?void 0:i?Un(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Rn(e,s,n),n};const Nn=[{route:"",key:"nav.home",icon:"⌂"},{route:"energy",key:"nav.energy",icon:"⚡"},{route:"activity",key:"nav.activity",icon:"☰"},{route:"inbox",key:"nav.alerts",icon:"✉"},{route:"more",key:"nav.more",icon:"⋯"}];let q=class extends E{constructor(){super(...arguments),this.route=location.hash,this.user=null,this.online=navigator.onLine,this.reachable=!0,this.error="",this.unseen=0,this.toast="",this.onHash=()=>{this.route=location.hash,this.parts[0]==="inbox"&&(this.unseen=0)},this.onNetwork=()=>{this.online=navigator.onLine,this.online&&g.signedIn&&(!this.user||!this.reachable)&&this.loadMe()},this.onSignedOut=()=>{this.user=null,O.stop(),pi(),y.clear(),ui()},this.onLiveStatus=()=>this.requestUpdate(),this.onLiveMessage=t=>{const e=t.detail;e.type==="notification"&&(this.parts[0]!=="inbox"&&(this.unseen+=1),this.toast=[e.title,e.message].filter(s=>typeof s=="string"&&s).join(": "),window.clearTimeout(this.toastTimer),this.toastTimer=window.setTimeout(()=>this.toast="",6e3))}}connectedCallback(){super.connectedCallback(),window.addEventListener("hashchange",this.onHash),window.addEventListener("online",this.onNetwork),window.addEventListener("offline",this.onNetwork),g.addEventListener("signedout",this.onSignedOut),g.addEventListener("reachability",this.onLiveStatus),O.addEventListener("status",this.onLiveStatus),O.addEventListener("message",this.onLiveMessage),g.signedIn&&this.loadMe()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("hashchange",this.onHash),window.removeEventListener("online",this.onNetwork),window.removeEventListener("offline",this.onNetwork),g.removeEventListener("signedout",this.onSignedOut),g.removeEventListener("reachability",this.onLiveStatus),O.removeEventListener("status",this.onLiveStatus),O.removeEventListener("message",this.onLiveMessage)}async loadMe(){try{const t=await g.get("/api/me");this.user=t.user,Vt(t.user.username),et("me",t.user),this.reachable=!0,this.error="",t.user.language!==T()&&g.request("PATCH","/api/me",{language:T()}).catch(()=>null),O.start(),ms().catch(()=>null)}catch(t){this.reachable=t.status!==0,this.reachable?this.error=b(t):this.user??=Ne("me"),this.user&&Vt(this.user.username)}}render(){const t=!this.online||!this.reachable||!g.reachable,e=g.signedIn;return c`
      <header>
        <strong>${o("app.name")}</strong>
        <span class="status" data-live=${O.status}>
          ${t?o("device.offline"):e&&this.user?O.status==="live"?`● ${o("app.live")}`:o("app.reconnecting"):""}
        </span>
      </header>
      ${t?c`<div class="banner" role="status" data-offline>${o("app.offline")}
          <button @click=${()=>this.loadMe()}>${o("app.retry")}</button></div>`:u}
      <main>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        ${e?this.user?this.view(this.user):t?u:c`<p class="muted">${o("app.loading")}</p>`:t?u:c`<orbit-login @signedin=${()=>this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast?c`<div class="toast" role="status" data-toast @click=${()=>this.toast=""}>${this.toast}</div>`:u}
      ${e&&this.user?this.tabs():u}
    `}get parts(){return this.route.replace(/^#\/?/,"").split("/").map(decodeURIComponent)}view(t){const[e,s]=this.parts;switch(e){case"device":return c`<orbit-device-page device-id=${s??""}></orbit-device-page>`;case"energy":return c`<orbit-energy .user=${t}></orbit-energy>`;case"activity":return c`<orbit-activity></orbit-activity>`;case"inbox":return c`<orbit-inbox></orbit-inbox>`;case"automations":return c`<orbit-automations></orbit-automations>`;case"users":return t.role==="owner"?c`<orbit-users></orbit-users>`:c`<orbit-settings .user=${t}></orbit-settings>`;case"more":return c`<orbit-settings .user=${t}></orbit-settings>`;default:return c`<orbit-spaces space-id=${e==="space"?s??"":""}></orbit-spaces>`}}tabs(){const[t]=this.parts,e=t==="space"||t==="device"?"":t==="automations"||t==="users"?"more":t??"";return c`<nav class="tabs" aria-label=${o("app.name")} lang=${T()}>
      ${Nn.map(s=>c`<a href="#/${s.route}" aria-current=${s.route===e?"page":"false"} data-tab=${s.route||"home"}>
          <span aria-hidden="true">${s.icon}</span>${o(s.key)}${s.route==="inbox"&&this.unseen?c` <b class="badge" data-unseen>${this.unseen}</b>`:u}</a>`)}
    </nav>`}};q.styles=[C,P`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--bar);
        color: #fff;
        padding: calc(env(safe-area-inset-top) + 0.6rem) 1rem 0.6rem;
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      header strong {
        font-size: 1.1rem;
      }
      .status {
        font-size: 0.8rem;
        opacity: 0.9;
      }
      .banner {
        background: var(--warn);
        color: #000;
        padding: 0.5rem 1rem;
        font-size: 0.9rem;
      }
      main {
        flex: 1;
        padding: 0.75rem 0.75rem 5.5rem;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
      }
      nav.tabs {
        position: fixed;
        bottom: 0;
        left: 0;
        right: 0;
        display: flex;
        background: var(--card);
        border-top: 1px solid var(--line);
        padding-bottom: env(safe-area-inset-bottom);
        z-index: 2;
      }
      nav.tabs a {
        flex: 1;
        text-align: center;
        padding: 0.45rem 0 0.55rem;
        color: var(--muted);
        text-decoration: none;
        font-size: 0.75rem;
      }
      nav.tabs a span {
        display: block;
        font-size: 1.25rem;
        line-height: 1.3;
      }
      nav.tabs a[aria-current='page'] {
        color: var(--accent);
      }
      .badge {
        background: var(--danger);
        color: #fff;
        border-radius: 999px;
        padding: 0 0.4em;
        font-size: 0.7rem;
      }
      .toast {
        position: fixed;
        left: 0.75rem;
        right: 0.75rem;
        bottom: calc(4.5rem + env(safe-area-inset-bottom));
        background: var(--bar);
        color: #fff;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        z-index: 3;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
      }
    `];Q([p()],q.prototype,"route",2);Q([p()],q.prototype,"user",2);Q([p()],q.prototype,"online",2);Q([p()],q.prototype,"reachable",2);Q([p()],q.prototype,"error",2);Q([p()],q.prototype,"unseen",2);Q([p()],q.prototype,"toast",2);q=Q([A("orbit-app")],q);"serviceWorker"in navigator&&window.addEventListener("load",()=>{navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(()=>null)});
